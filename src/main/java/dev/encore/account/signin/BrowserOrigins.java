package dev.encore.account.signin;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;

/**
 * The origins a browser may use the refresh cookie from: Encore's own public URL and the
 * configured CORS origins. A cookie alone never refreshes: the Origin must match, which stops
 * cross-site requests from riding on it.
 */
@Component
class BrowserOrigins {

    private final Set<String> allowed = new HashSet<>();

    BrowserOrigins(EncoreProperties encore, EncoreSecurityProperties security) {
        allowed.add(origin(encore.publicUrl()));
        security.allowedOrigins().stream().filter(origin -> !origin.equals("*"))
                .forEach(origin -> allowed.add(origin.toLowerCase(Locale.ROOT)));
    }

    /** @throws OriginRefusedException when {@code origin} is missing or not allowed */
    void requireAllowed(String origin) {
        if (origin == null || !allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            throw new OriginRefusedException();
        }
    }

    private static String origin(URI url) {
        String origin = url.getScheme() + "://" + url.getHost();
        return (url.getPort() == -1 ? origin : origin + ":" + url.getPort()).toLowerCase(Locale.ROOT);
    }
}
