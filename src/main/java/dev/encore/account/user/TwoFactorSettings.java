package dev.encore.account.user;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The two-factor state an account carries: its sealed TOTP secret, whether two-factor is on, and
 * the last time step a code was accepted for. Runs in the caller's transaction (call it from a
 * transactional facade); a change is saved at once.
 */
@Component
public class TwoFactorSettings {

    private final Users users;
    private final Clock clock;

    TwoFactorSettings(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /**
     * Two-factor as an account has it now.
     *
     * @param username     the account's username, the label in authenticator apps
     * @param enabled      whether two-factor is on
     * @param sealedSecret the TOTP secret sealed with {@link dev.encore.platform.SecretBox}; null before enrolment
     */
    public record State(String username, boolean enabled, String sealedSecret) {

        @Override
        public String toString() {
            return "State[username=" + username + ", enabled=" + enabled + "]"; // never the secret
        }
    }

    /** @throws AccountNotFoundException when there is no such account */
    public State state(UUID userId) {
        User user = get(userId);
        return new State(user.username(), user.isMfaEnabled(), user.mfaSecret());
    }

    /**
     * Stores a sealed secret awaiting confirmation; two-factor stays off until {@link #enable}.
     *
     * @throws AccountConflictException when two-factor is on already
     */
    public void start(UUID userId, String sealedSecret) {
        User user = get(userId);
        user.startMfa(sealedSecret, clock.instant());
        users.save(user);
    }

    /** Turns two-factor on; {@code acceptedStep} is the time step of the code that confirmed it. */
    public void enable(UUID userId, long acceptedStep) {
        User user = get(userId);
        user.enableMfa(acceptedStep, clock.instant());
        users.save(user);
    }

    /** Turns two-factor off and forgets the secret. */
    public void disable(UUID userId) {
        User user = get(userId);
        user.disableMfa(clock.instant());
        users.save(user);
    }

    /**
     * Accepts a TOTP time step once: false for a step already used, or an older one. One conditional
     * UPDATE, so of two logins sending the same code at once exactly one gets in.
     */
    public boolean acceptStep(UUID userId, long step) {
        return users.acceptTotpStep(userId, step) == 1;
    }

    private User get(UUID userId) {
        return users.findById(userId).orElseThrow(AccountNotFoundException::user);
    }
}
