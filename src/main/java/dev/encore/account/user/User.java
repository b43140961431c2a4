package dev.encore.account.user;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InvalidFieldsException;

/**
 * An account: credentials, roles, MFA state. Usernames and emails are unique ignoring case. Every
 * change is saved by the component that makes it, with the version checked; the accepted TOTP step
 * is changed by a statement only ({@link Users#acceptTotpStep}), which counts the version up too.
 */
@Table("account_users")
class User {

    @Id
    private UUID id;
    private String username;
    private String usernameKey;
    private String email;
    private String displayName;
    private String passwordHash;
    /** False for an account registered through an identity provider, whose random password nobody knows. */
    private boolean passwordSet;
    private boolean admin;
    private boolean enabled;
    private String mfaSecret;
    private boolean mfaEnabled;
    private Long mfaLastStep;
    private Instant createdAt;
    private Instant updatedAt;
    /** None until it is first stored (how Spring Data tells a new account), then counted up by every change. */
    @Version
    private Long version;

    /** For Spring Data, which fills the fields of one read from the database. */
    private User() {
    }

    User(String username, String email, String displayName, String passwordHash, boolean admin, Instant now) {
        this(username, email, displayName, passwordHash, true, admin, now);
    }

    User(String username, String email, String displayName, String passwordHash, boolean passwordSet, boolean admin,
            Instant now) {
        this.id = UUID.randomUUID();
        this.passwordSet = passwordSet;
        this.username = username;
        this.usernameKey = key(username);
        this.email = normalizeEmail(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    void changePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.passwordSet = true;
        this.updatedAt = now;
    }

    /** Replaces the hash with a stronger one of the same password; not a password change. */
    void rehash(String hash) {
        this.passwordHash = hash;
    }

    void updateProfile(String displayName, String email, Instant now) {
        if (displayName != null) {
            this.displayName = displayName.isBlank() ? null : displayName;
        }
        if (email != null) {
            if (email.isBlank()) {
                throw InvalidFieldsException.of("email", "must be a valid email address; leave it out to keep yours");
            }
            this.email = normalizeEmail(email);
        }
        this.updatedAt = now;
    }

    /**
     * Sets whether the account may act and whether it is an admin; null leaves either as it is. The
     * last enabled admin can be neither disabled nor demoted: someone must be able to administer.
     *
     * @param enabledAdmins counts the enabled admins now; asked only when this change would remove one
     * @throws AccountConflictException when the change would leave no enabled admin
     */
    void changeStanding(Boolean enabled, Boolean admin, LongSupplier enabledAdmins, Instant now) {
        boolean losesAdmin = this.admin && this.enabled
                && (Boolean.FALSE.equals(enabled) || Boolean.FALSE.equals(admin));
        if (losesAdmin && enabledAdmins.getAsLong() <= 1) {
            throw AccountConflictException.lastAdmin();
        }
        if (enabled != null && enabled != this.enabled) {
            this.enabled = enabled;
            this.updatedAt = now;
        }
        if (admin != null && admin != this.admin) {
            this.admin = admin;
            this.updatedAt = now;
        }
    }

    /** Stores a sealed TOTP secret awaiting confirmation; MFA stays off until confirmed. */
    void startMfa(String sealedSecret, Instant now) {
        if (mfaEnabled) {
            throw AccountConflictException.mfaAlreadyEnabled();
        }
        this.mfaSecret = sealedSecret;
        this.updatedAt = now;
    }

    void enableMfa(long acceptedStep, Instant now) {
        this.mfaEnabled = true;
        this.mfaLastStep = acceptedStep;
        this.updatedAt = now;
    }

    void disableMfa(Instant now) {
        this.mfaEnabled = false;
        this.mfaSecret = null;
        this.mfaLastStep = null;
        this.updatedAt = now;
    }

    List<String> roles() {
        return admin ? List.of("USER", "ADMIN") : List.of("USER");
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean hasPassword() {
        return passwordSet;
    }

    boolean isAdmin() {
        return admin;
    }

    boolean isEnabled() {
        return enabled;
    }

    String mfaSecret() {
        return mfaSecret;
    }

    boolean isMfaEnabled() {
        return mfaEnabled;
    }

    /** The time step of the last TOTP code accepted; null when two-factor is off. */
    Long mfaLastStep() {
        return mfaLastStep;
    }

    Instant createdAt() {
        return createdAt;
    }
}
