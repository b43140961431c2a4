package dev.encore.account.session;

import jakarta.servlet.http.HttpServletRequest;

import dev.encore.platform.HeaderText;

/** Where a request came from, as recorded on sessions. */
public record ClientInfo(String ip, String userAgent) {

    private static final int MAX_USER_AGENT = 255;

    /** The client of {@code request}: its address (as the platform resolved it behind trusted proxies) and agent. */
    public static ClientInfo of(HttpServletRequest request) {
        String agent = HeaderText.utf8(request.getHeader("User-Agent"));
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(request.getRemoteAddr(), agent);
    }
}
