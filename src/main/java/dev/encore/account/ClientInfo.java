package dev.encore.account;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, as recorded on sessions. */
record ClientInfo(String ip, String userAgent) {

    private static final int MAX_USER_AGENT = 255;

    static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(request.getRemoteAddr(), agent);
    }
}
