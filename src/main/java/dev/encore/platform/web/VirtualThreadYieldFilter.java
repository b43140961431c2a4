package dev.encore.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets every request that runs on a virtual thread step back once, before its real work, so that
 * requests waiting for a carrier are served in turn rather than behind a few busy ones.
 *
 * <p>Why: virtual threads are never preempted, and their scheduler (a {@code ForkJoinPool} with one
 * carrier per core) runs the tasks in a carrier's own queue before it looks at the shared queue.
 * Tomcat's poller (a platform thread) starts each request's virtual thread through the shared queue;
 * a virtual thread woken by another one (a lock handed over, a pool connection returned) is queued on
 * the waking carrier. Under load the two carriers kept feeding themselves such wake-ups, and requests
 * in the shared queue waited for seconds: on 2 cores with 64 kept-alive connections
 * {@code GET /api/v1/me} had p99 over 1 s and answers after more than 2 s (docs/performance.md).
 * {@link Thread#yield()} hands the carrier back to the scheduler, which resubmits this request (to the
 * shared queue when the carrier has nothing of its own queued) and runs what was waiting first: p99
 * fell to tens of milliseconds, and throughput rose with it. A bounded pool of platform threads
 * would also be fair (the kernel preempts), but gives up what virtual threads are here for: requests
 * that block on the database, storage or a slow client cost no thread. One yield costs a few
 * microseconds (a park and an unpark of the continuation, no system call); on a platform thread it
 * is skipped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the request id, before security, limits and the handler
class VirtualThreadYieldFilter extends OncePerRequestFilter {

    private final Runnable yielder;

    VirtualThreadYieldFilter() {
        this(Thread::yield);
    }

    /** For tests: what stepping back does. */
    VirtualThreadYieldFilter(Runnable yielder) {
        this.yielder = yielder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Thread.currentThread().isVirtual()) {
            yielder.run();
        }
        chain.doFilter(request, response);
    }
}
