package dev.encore.platform;

/**
 * The Content-Security-Policy every answer carries: everything from Encore's own origin, no inline
 * script or style, no {@code eval}, no frames. Pages that need one more source (the web app's inline
 * import map) extend it here rather than write a policy of their own.
 */
public final class ContentSecurityPolicy {

    /** The policy of every answer. */
    public static final String DEFAULT = "default-src 'self'; media-src 'self' blob:; "
            + "connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private ContentSecurityPolicy() {
    }

    /**
     * The default policy that also runs the inline scripts of these hashes (CSP level 3
     * {@code 'sha256-…'} sources) and connects to the same origin only ({@code 'self'} covers
     * {@code ws:}/{@code wss:} to the same host in CSP level 3).
     *
     * @param scriptHashes base64 SHA-256 digests of the inline scripts the page carries
     */
    public static String withInlineScripts(String... scriptHashes) {
        StringBuilder scripts = new StringBuilder("script-src 'self'");
        for (String hash : scriptHashes) {
            scripts.append(" 'sha256-").append(hash).append('\'');
        }
        return DEFAULT.replace("connect-src 'self' ws: wss:", "connect-src 'self'") + "; " + scripts;
    }
}
