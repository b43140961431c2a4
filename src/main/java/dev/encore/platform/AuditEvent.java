package dev.encore.platform;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A security-relevant fact for the audit trail. Modules publish it with Spring's event publisher
 * inside the transaction of the change; the audit module stores it after commit. Never put a
 * secret (password, token, code) in {@code details}.
 *
 * @param id         identifies the event: delivered twice (a republished publication), it is stored
 *                   once
 * @param type       what happened, e.g. {@code login.failed}
 * @param actorId    the user who acted (null when anonymous)
 * @param targetId   the user or resource acted on (may be null)
 * @param clientIp   the client address of the request (null outside a request)
 * @param userAgent  the request's User-Agent, truncated (null outside a request)
 * @param requestId  the request id (null outside a request)
 * @param occurredAt when it happened
 * @param details    small, non-secret facts (e.g. {@code reason})
 */
public record AuditEvent(UUID id, String type, String actorId, String targetId, String clientIp, String userAgent,
        String requestId, Instant occurredAt, Map<String, String> details) {

    private static final int MAX_USER_AGENT = 255;

    public AuditEvent {
        // publications stored before events had ids come back without one
        id = id == null ? UUID.randomUUID() : id;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An event of the current request (client address, user agent and request id filled in). */
    public static AuditEvent of(String type, String actorId, String targetId, Instant at, Map<String, String> details) {
        HttpServletRequest request = currentRequest();
        String userAgent = request == null ? null : HeaderText.utf8(request.getHeader("User-Agent"));
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return new AuditEvent(UUID.randomUUID(), type, actorId, targetId,
                request == null ? null : request.getRemoteAddr(), userAgent,
                request == null ? null : RequestContext.requestId(request), at, details);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
