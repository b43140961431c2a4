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
 * Lets every request that runs on a virtual thread step back once, before any work, so that
 * requests waiting for a carrier are served in turn rather than behind a few busy connections.
 *
 * <p>Why: virtual threads are never preempted, and the scheduler (a {@code ForkJoinPool} with one
 * carrier per core) runs the tasks in a carrier's own queue before the shared queue. A request that
 * arrives on a new connection, or a kept-alive one back from the poller, is submitted to the shared
 * queue by Tomcat's poller (a platform thread); a virtual thread woken by another one (a freed pool
 * connection, a released lock, its response written) goes to the waking carrier's own queue. Under
 * load the carriers kept serving their own queues, and requests in the shared queue waited for
 * seconds (measured on 2 cores, 64 kept-alive connections: {@code GET /api/v1/me} p99 over 1 s, some
 * over 2 s; see docs/performance.md). {@link Thread#yield()} on a virtual thread puts it at the back
 * of the shared queue, so the requests already waiting there go first: p99 fell to tens of
 * milliseconds, and throughput rose because fewer requests pile up holding buffers and connections.
 * One yield costs a few microseconds (a park and an unpark of the continuation, no system call); a
 * platform thread is preempted by the kernel anyway, so nothing is done there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE - 10)
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
