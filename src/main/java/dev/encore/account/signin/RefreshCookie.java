package dev.encore.account.signin;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import dev.encore.account.session.AccountProperties;

/**
 * The browser's refresh cookie: HttpOnly, Secure (unless {@code encore.account.secure-cookie=false}),
 * SameSite=Strict, sent only to {@code /api/v1/auth}. Set by the password login and by the OIDC sign-in,
 * so a browser signed in either way refreshes the same way.
 */
@Component
public class RefreshCookie {

    /** The cookie's name. */
    public static final String NAME = "encore_refresh";
    private static final String PATH = "/api/v1/auth";

    private final AccountProperties properties;

    RefreshCookie(AccountProperties properties) {
        this.properties = properties;
    }

    /** The {@code Set-Cookie} value that hands {@code refreshToken} to the browser for the session's lifetime. */
    public String carrying(String refreshToken) {
        return cookie(refreshToken, properties.sessionLifetime()).toString();
    }

    /** The cookie, emptied and expired: the same name, path and attributes as when it was set. */
    public String expired() {
        return cookie("", Duration.ZERO).toString();
    }

    /** The value of the cookie {@code name} the request carries; null when it carries none. */
    public static String read(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(properties.secureCookie())
                .sameSite("Strict").path(PATH).maxAge(maxAge).build();
    }
}
