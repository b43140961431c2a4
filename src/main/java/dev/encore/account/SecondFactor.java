package dev.encore.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.SecretBox;

/**
 * Two-factor authentication with TOTP (RFC 6238) and single-use recovery codes. The TOTP secret
 * is sealed at rest with {@link SecretBox}; a code is accepted once per time step.
 */
@Service
public class SecondFactor {

    static final String ISSUER = "Encore";
    static final int RECOVERY_CODES = 10;
    private static final String PURPOSE = "account.totp";

    private final Users users;
    private final RecoveryCodes recoveryCodes;
    private final SecretBox box;
    private final AuditTrail audit;
    private final Clock clock;

    SecondFactor(Users users, RecoveryCodes recoveryCodes, SecretBox box, AuditTrail audit, Clock clock) {
        this.users = users;
        this.recoveryCodes = recoveryCodes;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    /** A started enrolment: the secret to type in, or the URI to scan. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** Starts (or restarts) enrolment; MFA stays off until {@link #confirm}. */
    @Transactional
    public Enrolment start(UUID userId) {
        User user = users.findById(userId).orElseThrow(AccountNotFoundException::user);
        String secret = Totp.newSecret();
        user.startMfa(box.seal(secret, PURPOSE), clock.instant());
        return new Enrolment(secret, Totp.uri(ISSUER, user.username(), secret));
    }

    /**
     * Turns MFA on with a valid code for the started secret.
     *
     * @return the recovery codes, shown this once
     */
    @Transactional
    public List<String> confirm(UUID userId, String code) {
        User user = users.findById(userId).orElseThrow(AccountNotFoundException::user);
        if (user.isMfaEnabled()) {
            throw AccountConflictException.mfaAlreadyEnabled();
        }
        if (user.mfaSecret() == null) {
            throw AccountConflictException.mfaNotStarted();
        }
        OptionalLong step = Totp.verify(box.open(user.mfaSecret(), PURPOSE), code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidMfaCodeException();
        }
        user.enableMfa(step.getAsLong(), clock.instant());
        recoveryCodes.deleteByUserId(userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = newRecoveryCode();
            recoveryCodes.save(new RecoveryCode(userId, Secrets.sha256(normalize(recovery))));
            codes.add(recovery);
        }
        audit.record("mfa.enabled", userId);
        return codes;
    }

    /** Turns MFA off; needs a valid current code. */
    @Transactional
    public void disable(UUID userId, String code) {
        User user = users.findById(userId).orElseThrow(AccountNotFoundException::user);
        if (!user.isMfaEnabled()) {
            throw AccountConflictException.mfaNotEnabled();
        }
        if (!acceptTotp(user, code)) {
            throw new InvalidMfaCodeException();
        }
        user.disableMfa(clock.instant());
        recoveryCodes.deleteByUserId(userId);
        audit.record("mfa.disabled", userId);
    }

    /** The second step of a login: nothing when MFA is off, else a TOTP or recovery code. */
    void checkAtLogin(User user, String totpCode, String recoveryCode) {
        if (!user.isMfaEnabled()) {
            return;
        }
        if (isBlank(totpCode) && isBlank(recoveryCode)) {
            throw new MfaRequiredException();
        }
        boolean accepted = !isBlank(totpCode) ? acceptTotp(user, totpCode) : acceptRecoveryCode(user, recoveryCode);
        if (!accepted) {
            audit.record("login.failed", null, user.id(), Map.of("reason", "invalid-mfa-code"));
            throw new InvalidMfaCodeException();
        }
    }

    private boolean acceptTotp(User user, String code) {
        OptionalLong step = Totp.verify(box.open(user.mfaSecret(), PURPOSE), code, clock.instant());
        return step.isPresent() && user.acceptTotpStep(step.getAsLong());
    }

    private boolean acceptRecoveryCode(User user, String code) {
        return recoveryCodes.findByUserIdAndCodeHash(user.id(), Secrets.sha256(normalize(code)))
                .filter(recovery -> !recovery.isUsed())
                .map(recovery -> {
                    recovery.use(clock.instant());
                    audit.record("mfa.recovery-code-used", user.id());
                    return true;
                })
                .orElse(false);
    }

    /** Four groups of four Base32 characters: 80 random bits. */
    private static String newRecoveryCode() {
        String raw = new Base32().encodeToString(Secrets.randomBytes(10)).toLowerCase(Locale.ROOT);
        return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-" + raw.substring(12, 16);
    }

    private static String normalize(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
