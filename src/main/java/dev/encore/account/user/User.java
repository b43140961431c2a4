package dev.encore.account.user;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.encore.platform.InvalidFieldsException;

/** An account: credentials, roles, MFA state. Usernames and emails are unique ignoring case. */
@Entity
@Table(name = "account_users")
class User {

    @Id
    private UUID id;
    private String username;
    @Column(name = "username_key")
    private String usernameKey;
    private String email;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    private boolean admin;
    private boolean enabled;
    @Column(name = "mfa_secret")
    private String mfaSecret;
    @Column(name = "mfa_enabled")
    private boolean mfaEnabled;
    @Column(name = "mfa_last_step")
    private Long mfaLastStep;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected User() {
    }

    User(String username, String email, String displayName, String passwordHash, boolean admin, Instant now) {
        this.id = UUID.randomUUID();
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

    /** Accepts a TOTP time step once: a code that was already used (or an older one) is refused. */
    boolean acceptTotpStep(long step) {
        if (mfaLastStep != null && step <= mfaLastStep) {
            return false;
        }
        this.mfaLastStep = step;
        return true;
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

    Instant createdAt() {
        return createdAt;
    }
}
