package dev.encore.account.signin;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;

import jakarta.servlet.http.HttpServletRequest;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;

/**
 * The origins a browser may use the refresh cookie from: the origin the request itself was sent
 * to (the web app, served by Encore, reached at whatever address people use: a LAN IP, a second
 * host name, the default public URL left unchanged), Encore's public URL and the configured CORS
 * origins. A cookie alone never refreshes: the Origin must match, which stops cross-site requests
 * from riding on it (a foreign page's Origin is its own, and the cookie is bound to this host).
 */
@Component
public class BrowserOrigins {

    private final Set<String> allowed = new HashSet<>();

    BrowserOrigins(EncoreProperties encore, EncoreSecurityProperties security) {
        encore.browserOrigins(security.allowedOrigins()).stream().filter(origin -> !origin.equals("*"))
                .forEach(origin -> allowed.add(origin.toLowerCase(Locale.ROOT)));
    }

    /** @throws OriginRefusedException when the request's Origin is missing, or neither its own nor an allowed one */
    public void requireAllowed(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || !(allowed.contains(origin.toLowerCase(Locale.ROOT)) || sameOrigin(request))) {
            throw new OriginRefusedException();
        }
    }

    /** Spring's own test (scheme, host and port of the Origin against the request's). */
    private static boolean sameOrigin(HttpServletRequest request) {
        try {
            return !CorsUtils.isCorsRequest(request);
        }
        catch (RuntimeException malformedOrigin) {
            return false;
        }
    }
}
