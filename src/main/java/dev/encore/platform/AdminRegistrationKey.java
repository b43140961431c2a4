package dev.encore.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The key that makes a registering account an admin ({@code encore.security.admin-registration-key}),
 * and how long it works. A key Encore generated (embedded mode, printed once at first start) is a
 * bootstrap key: it registers the first admin, and once an admin exists it is refused. A key the
 * operator set works the same way, unless the operator also set
 * {@code encore.security.admin-key-reusable=true}: then it keeps making admins (a deliberate choice,
 * for example for scripted installs).
 */
public final class AdminRegistrationKey {

    private final byte[] key;
    private final boolean generated;
    private final boolean reusable;

    /**
     * @param key       the key
     * @param generated whether Encore generated it (never reusable then)
     * @param reusable  {@code encore.security.admin-key-reusable}
     */
    public AdminRegistrationKey(String key, boolean generated, boolean reusable) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.generated = generated;
        this.reusable = reusable;
    }

    /** Whether {@code candidate} is the key (in constant time; false for null). */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the key registers only the first admin: always when generated, else unless reusable. */
    public boolean bootstrapOnly() {
        return generated || !reusable;
    }

    /** Whether Encore generated the key (rather than the operator setting it). */
    public boolean generated() {
        return generated;
    }
}
