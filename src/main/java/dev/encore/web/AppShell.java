package dev.encore.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

import dev.encore.platform.ContentSecurityPolicy;

/**
 * The one HTML page of the web app, made once at start from {@code web/index.html}: the asset URLs
 * filled in, the import map inlined (browsers do not load an external one), and the
 * Content-Security-Policy that runs that import map by its hash and no other inline script.
 */
final class AppShell {

    private final String html;
    private final String contentSecurityPolicy;
    private final String etag;

    private AppShell(String html, String contentSecurityPolicy) {
        this.html = html;
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.etag = "\"" + HexFormat.of().formatHex(sha256(html)).substring(0, 20) + "\"";
    }

    static AppShell from(AppAssets assets) throws IOException {
        String template = new ClassPathResource("web/index.html").getContentAsString(StandardCharsets.UTF_8);
        String importMap = importMap(assets);
        String html = template.replace("{{importMap}}", importMap).replace("{{base}}", assets.base());
        String hash = Base64.getEncoder().encodeToString(sha256(importMap));
        return new AppShell(html, ContentSecurityPolicy.withInlineScripts(hash));
    }

    String html() {
        return html;
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    String etag() {
        return etag;
    }

    /** The JSON of the import map; the keys and URLs are Encore's own, so no escaping is needed. */
    private static String importMap(AppAssets assets) {
        return assets.imports().entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\": \"" + entry.getValue() + "\"")
                .collect(Collectors.joining(",\n    ", "{\"imports\": {\n    ", "\n}}"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
