package dev.encore.account.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import dev.encore.support.Api;

/**
 * A browser as far as the OIDC flow goes: it keeps cookies per host and path, and follows redirects
 * one at a time so a test can look at each. The provider sends it back to Encore's public URL; it
 * goes to the test server instead (same path and query).
 */
final class OidcBrowser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    private final String base;
    private final String clientAddress = Api.nextClientAddress();

    OidcBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    /** GET of an Encore path, or of an absolute URL (the provider's). */
    HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    /** A request to Encore as the web app sends it (its Origin). */
    HttpRequest.Builder fromApp(String path) {
        return request(path).header("Origin", base);
    }

    HttpRequest.Builder request(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl.startsWith("/") ? base + pathOrUrl : pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("User-Agent", "OidcBrowser/1.0");
        return uri.toString().startsWith(base) ? request.header("X-Forwarded-For", clientAddress) : request;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Where a redirect goes; a location on Encore's public URL is taken to the test server. */
    String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        URI uri = URI.create(location);
        if (uri.getPath() != null && uri.getPath().startsWith("/api/v1/auth/oidc/") && uri.isAbsolute()) {
            return base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return location;
    }

    /** The cookie {@code name} the browser holds for Encore now. */
    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .filter(cookie -> !cookie.hasExpired()).map(HttpCookie::getValue).filter(value -> !value.isEmpty())
                .findFirst();
    }
}
