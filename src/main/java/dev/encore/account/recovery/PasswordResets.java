package dev.encore.account.recovery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.account.password.PasswordRules;
import dev.encore.account.session.SessionRevoker;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserPasswords;
import dev.encore.account.user.UserView;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.MailLetter;
import dev.encore.platform.MailNotConfiguredException;
import dev.encore.platform.Mails;
import dev.encore.platform.RateLimits;

/**
 * Password reset by e-mail. Asking never tells whether an account exists: the answer, and the time it
 * takes (at least {@link #ANSWER_TIME}), are the same either way. A link works once, for
 * {@code encore.account.password-reset.ttl}; using it sets the new password, ends every session of
 * the account and tells the audit trail.
 */
@Service
public class PasswordResets {

    /** The least time an ask takes, so that a known and an unknown account answer alike. */
    static final Duration ANSWER_TIME = Duration.ofMillis(300);

    private final Support support;
    private final ResetTokens tokens;
    private final Mails mails;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordResets(Support support, ResetTokens tokens, Mails mails, TransactionTemplate transactions, Clock clock) {
        this.support = support;
        this.tokens = tokens;
        this.mails = mails;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The account module's parts a reset uses. */
    @org.springframework.stereotype.Component
    static class Support {

        private final UserAccounts accounts;
        private final UserPasswords passwords;
        private final PasswordRules rules;
        private final SessionRevoker revoker;
        private final AuditTrail audit;
        private final RateLimits limits;
        private final PasswordResetProperties properties;
        private final EncoreProperties encore;

        Support(UserAccounts accounts, UserPasswords passwords, PasswordRules rules, SessionRevoker revoker,
                AuditTrail audit, RateLimits limits, PasswordResetProperties properties, EncoreProperties encore) {
            this.accounts = accounts;
            this.passwords = passwords;
            this.rules = rules;
            this.revoker = revoker;
            this.audit = audit;
            this.limits = limits;
            this.properties = properties;
            this.encore = encore;
        }
    }

    /** Whether this server can send reset links (mail is configured). */
    public boolean available() {
        return mails.configured();
    }

    /**
     * Mails a reset link to the account {@code identifier} names (an email address or a username), if
     * there is one, it is enabled, and it asked fewer than {@code encore.ratelimit.limits.password-reset-account}
     * times lately; otherwise nothing is sent, and the caller cannot tell.
     *
     * @throws MailNotConfiguredException when mail is off
     */
    public void request(String identifier) throws InterruptedException {
        if (!mails.configured()) {
            throw MailNotConfiguredException.forFeature("Password reset");
        }
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> requestNow(identifier.trim().toLowerCase(Locale.ROOT)));
        long left = ANSWER_TIME.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private void requestNow(String identifier) {
        Optional<UUID> accountId = support.passwords.accountId(identifier);
        String bucket = "account:" + accountId.map(UUID::toString).orElse(identifier);
        if (support.limits.enabled() && !support.limits.consume("password-reset-account", bucket).allowed()) {
            support.audit.record("password-reset.throttled", null, accountId.orElse(null), Map.of());
            return;
        }
        Optional<UserView> account = accountId.flatMap(support.accounts::find).filter(UserView::enabled);
        if (account.isEmpty()) {
            support.audit.record("password-reset.unknown-account", null, null, Map.of("identifier", identifier));
            return;
        }
        UserView user = account.get();
        Instant now = clock.instant();
        UUID resetId = UUID.randomUUID();
        String token = tokens.issue(resetId, user.id(), now, now.plus(support.properties.ttl()));
        mails.queue(resetId, letter(user, token));
        support.audit.record("password-reset.requested", null, user.id(), Map.of());
    }

    private MailLetter letter(UserView user, String token) {
        URI link = MailLetter.link(support.encore.publicUrl(), "/reset-password#token=" + token);
        long minutes = support.properties.ttl().toMinutes();
        return new MailLetter(user.email(), name(user), "Reset your Encore password", List.of(
                "Someone (hopefully you) asked to reset the password of your Encore account " + user.username() + ".",
                "The link below works once, for " + minutes + " minutes. Using it signs you out everywhere.",
                "If you did not ask for this, ignore this mail: your password stays as it is."),
                "Choose a new password", link, null);
    }

    static String name(UserView user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }

    /**
     * Sets a new password with a reset link's token: the token is spent, every other token of the
     * account stops working, and every session of the account ends.
     *
     * @throws InvalidResetTokenException when the token is unknown, expired or used, or its account is
     *                                    gone or disabled
     * @throws InvalidFieldsException     when the new password breaks the policy (the token still works)
     */
    @Transactional
    public void confirm(String token, String newPassword) {
        Instant now = clock.instant();
        ResetTokens.Usable reset = tokens.find(token, now).orElseThrow(InvalidResetTokenException::create);
        UserView user = support.accounts.find(reset.userId()).filter(UserView::enabled)
                .orElseThrow(InvalidResetTokenException::create);
        List<String> problems = support.rules.violations(newPassword, user.username());
        if (!problems.isEmpty()) {
            throw InvalidFieldsException.of("newPassword", problems);
        }
        if (!tokens.spend(reset.id(), now)) {
            throw InvalidResetTokenException.create();
        }
        tokens.invalidate(user.id(), now);
        support.passwords.change(user.id(), newPassword);
        int ended = support.revoker.revokeAll(user.id(), null, "password-reset");
        support.audit.record("password.reset", null, user.id(), Map.of("sessionsEnded", Integer.toString(ended)));
    }
}
