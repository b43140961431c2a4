package dev.encore.account.mfa;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.user.AccountConflictException;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.CredentialCheckThrottle;
import dev.encore.account.user.CredentialCheckThrottle.Purpose;
import dev.encore.account.user.TwoFactorSettings;
import dev.encore.account.user.UserPasswords;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.SecretBox;

/**
 * Two-factor authentication with TOTP (RFC 6238) and single-use recovery codes. The TOTP secret
 * is sealed at rest with {@link SecretBox}; a code is accepted once per time step.
 */
@Service
public class SecondFactor {

    private static final Logger log = LoggerFactory.getLogger(SecondFactor.class);

    static final String ISSUER = "Encore";
    static final int RECOVERY_CODES = 10;
    private static final String PURPOSE = "account.totp";
    /** 80 random bits per recovery code. */
    private static final BytesKeyGenerator RECOVERY_CODE_BITS = KeyGenerators.secureRandom(10);

    private final TwoFactorSettings settings;
    private final RecoveryCodes recoveryCodes;
    private final SecretBox box;
    private final CredentialCheckThrottle throttle;
    private final UserPasswords passwords;
    private final AuditTrail audit;
    private final Clock clock;

    SecondFactor(TwoFactorSettings settings, RecoveryCodes recoveryCodes, SecretBox box,
            CredentialCheckThrottle throttle, UserPasswords passwords, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.recoveryCodes = recoveryCodes;
        this.box = box;
        this.throttle = throttle;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A started enrolment: the secret to type in, or the URI to scan, also drawn as a QR code.
     *
     * @param qrCode {@code otpauthUri} as a QR code's modules, for a client to draw
     */
    public record Enrolment(String secret, String otpauthUri, QrCode qrCode) {

        public Enrolment(String secret, String otpauthUri) {
            this(secret, otpauthUri, QrCode.of(otpauthUri));
        }
    }

    /**
     * Starts (or restarts) enrolment; MFA stays off until {@link #confirm}. Needs the account's password,
     * so that a stolen access token alone cannot turn two-factor on and lock the owner out; a wrong one is
     * throttled and audited like every check of the account's own credentials ({@link CredentialCheckThrottle}).
     *
     * An account without a password (made through an identity provider) shows a recent re-authentication of
     * {@code session} at a connected provider instead.
     *
     * @throws InvalidFieldsException     when the password is missing or wrong ({@code password})
     * @throws dev.encore.account.user.ReauthenticationRequiredException an account without a password, without
     *                                    a recent re-authentication
     * @throws AccountConflictException   when two-factor is on already
     * @throws RateLimitExceededException too many wrong passwords or codes for this account lately
     */
    @Transactional(noRollbackFor = { InvalidFieldsException.class, RateLimitExceededException.class })
    public Enrolment start(UUID userId, UUID session, String password) {
        TwoFactorSettings.State state = settings.state(userId);
        if (state.enabled()) {
            throw AccountConflictException.mfaAlreadyEnabled();
        }
        passwords.requireOwner(userId, session, "password", password, Purpose.MFA_ENROLMENT);
        String secret = Totp.newSecret();
        settings.start(userId, box.seal(secret, PURPOSE));
        return new Enrolment(secret, Totp.uri(ISSUER, state.username(), secret));
    }

    /**
     * Turns MFA on with a valid code for the started secret. Wrong codes are throttled and audited like
     * every check of the account's own credentials ({@link CredentialCheckThrottle}).
     *
     * @return the recovery codes, shown this once
     * @throws InvalidMfaCodeException    when the code is wrong
     * @throws RateLimitExceededException too many wrong passwords or codes for this account lately
     */
    @Transactional(noRollbackFor = { InvalidMfaCodeException.class, RateLimitExceededException.class })
    public List<String> confirm(UUID userId, String code) {
        TwoFactorSettings.State state = settings.state(userId);
        if (state.enabled()) {
            throw AccountConflictException.mfaAlreadyEnabled();
        }
        if (state.sealedSecret() == null) {
            throw AccountConflictException.mfaNotStarted();
        }
        // verifying changes nothing; a throttled check never tells whether the code was right
        OptionalLong step = verify(userId, state, code);
        if (!throttle.check(userId, Purpose.MFA_CONFIRMATION, step::isPresent)) {
            throw new InvalidMfaCodeException();
        }
        settings.enable(userId, step.getAsLong());
        List<String> codes = newRecoveryCodes(userId);
        audit.record("mfa.enabled", userId);
        return codes;
    }

    /**
     * Replaces the recovery codes with a new set: every earlier code, used or not, stops working.
     * Needs a valid current TOTP code, or one of the recovery codes (which it uses up), as turning
     * two-factor off does; wrong codes are throttled and audited like every check of the account's
     * own credentials ({@link CredentialCheckThrottle}).
     *
     * @return the new recovery codes, shown this once
     * @throws AccountConflictException   when two-factor is off
     * @throws InvalidMfaCodeException    when the code is wrong or was used already
     * @throws RateLimitExceededException too many wrong passwords or codes for this account lately
     */
    @Transactional(noRollbackFor = { InvalidMfaCodeException.class, RateLimitExceededException.class })
    public List<String> regenerateRecoveryCodes(UUID userId, String code) {
        TwoFactorSettings.State state = settings.state(userId);
        if (!state.enabled()) {
            throw AccountConflictException.mfaNotEnabled();
        }
        requireCode(userId, state, code, Purpose.MFA_RECOVERY_CODES);
        List<String> codes = newRecoveryCodes(userId);
        audit.record("mfa.recovery-codes-regenerated", userId);
        return codes;
    }

    /**
     * Turns two-factor off for someone who lost both their authenticator and their recovery codes, on
     * an admin's word: forgets the secret and the recovery codes. The caller checks who may, ends the
     * account's sessions and audits it.
     *
     * @return whether two-factor was on (or being enrolled) and is now off
     * @throws dev.encore.account.user.AccountNotFoundException when there is no such account
     */
    @Transactional
    public boolean reset(UUID userId) {
        TwoFactorSettings.State state = settings.state(userId);
        if (!state.enabled() && state.sealedSecret() == null) {
            return false;
        }
        settings.disable(userId);
        recoveryCodes.deleteByUserId(userId);
        return true;
    }

    /**
     * Turns MFA off; needs a valid current code, or one of the recovery codes (which it uses up): someone
     * who lost their authenticator signs in with one recovery code and turns two-factor off with
     * another, then enrols the new device. Wrong codes are throttled and audited like every check of
     * the account's own credentials ({@link CredentialCheckThrottle}).
     *
     * @throws InvalidMfaCodeException    when the code is wrong or was used already
     * @throws RateLimitExceededException too many wrong passwords or codes for this account lately
     */
    @Transactional(noRollbackFor = { InvalidMfaCodeException.class, RateLimitExceededException.class })
    public void disable(UUID userId, String code) {
        TwoFactorSettings.State state = settings.state(userId);
        if (!state.enabled()) {
            throw AccountConflictException.mfaNotEnabled();
        }
        requireCode(userId, state, code, Purpose.MFA_DISABLING);
        settings.disable(userId);
        recoveryCodes.deleteByUserId(userId);
        audit.record("mfa.disabled", userId);
    }

    /**
     * The second step of a login, in the login's transaction: nothing when two-factor is off, else
     * a TOTP or recovery code (a failure is audited).
     *
     * @throws MfaRequiredException    when two-factor is on and neither code was sent
     * @throws InvalidMfaCodeException when the code is wrong or was used already
     */
    public void checkAtLogin(UUID userId, String totpCode, String recoveryCode) {
        TwoFactorSettings.State state = settings.state(userId);
        if (!state.enabled()) {
            return;
        }
        if (isBlank(totpCode) && isBlank(recoveryCode)) {
            throw new MfaRequiredException();
        }
        boolean accepted = !isBlank(totpCode) ? acceptTotp(userId, state, totpCode)
                : acceptRecoveryCode(userId, recoveryCode);
        if (!accepted) {
            audit.record("login.failed", null, userId, Map.of("reason", "invalid-mfa-code"));
            throw new InvalidMfaCodeException();
        }
    }

    /** Accepts a current TOTP code or an unused recovery code (using it up), throttled per account. */
    private void requireCode(UUID userId, TwoFactorSettings.State state, String code, Purpose purpose) {
        boolean recovery = normalize(code).length() > 8; // a TOTP code has 6 digits, a recovery code 16 characters
        if (!throttle.check(userId, purpose,
                () -> recovery ? acceptRecoveryCode(userId, code) : acceptTotp(userId, state, code))) {
            throw new InvalidMfaCodeException();
        }
    }

    /** Replaces the account's recovery codes with {@link #RECOVERY_CODES} new ones, kept only as hashes. */
    private List<String> newRecoveryCodes(UUID userId) {
        recoveryCodes.deleteByUserId(userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = newRecoveryCode();
            recoveryCodes.save(new RecoveryCode(userId, DigestUtils.sha256Hex(normalize(recovery))));
            codes.add(recovery);
        }
        return codes;
    }

    private boolean acceptTotp(UUID userId, TwoFactorSettings.State state, String code) {
        OptionalLong step = verify(userId, state, code);
        return step.isPresent() && settings.acceptStep(userId, step.getAsLong());
    }

    /**
     * The time step {@code code} is valid for, if any. A secret sealed with another
     * {@code encore.security.secret-box-key} (a database restored without its key) accepts no code: the
     * person is refused like with a wrong code (a 401, throttled and audited, never a 500), recovery
     * codes still work, and an admin can reset the second factor.
     */
    private OptionalLong verify(UUID userId, TwoFactorSettings.State state, String code) {
        String secret;
        try {
            secret = box.open(state.sealedSecret(), PURPOSE);
        }
        catch (IllegalStateException ex) {
            log.warn("The TOTP secret of account {} cannot be opened with the configured encore.security.secret-box-key"
                    + " (it was sealed with another key): no TOTP code is accepted; the account signs in with a"
                    + " recovery code, or an admin resets its two-factor (DELETE /api/v1/admin/users/{}/mfa)",
                    userId, userId);
            return OptionalLong.empty();
        }
        return Totp.verify(secret, code, clock.instant());
    }

    private boolean acceptRecoveryCode(UUID userId, String code) {
        if (recoveryCodes.use(userId, DigestUtils.sha256Hex(normalize(code)), clock.instant()) == 0) {
            return false;
        }
        audit.record("mfa.recovery-code-used", userId);
        return true;
    }

    /** Four groups of four Base32 characters: 80 random bits. */
    private static String newRecoveryCode() {
        String raw = new Base32().encodeToString(RECOVERY_CODE_BITS.generateKey()).toLowerCase(Locale.ROOT);
        return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-" + raw.substring(12, 16);
    }

    private static String normalize(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
