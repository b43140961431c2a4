package dev.encore.account.oidc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.oidc.OidcAttempts.Purpose;
import dev.encore.account.session.ClientInfo;
import dev.encore.account.session.SessionTokens;
import dev.encore.account.session.SignedIn;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.Reauthentications;
import dev.encore.account.user.UserView;

/**
 * OIDC sign-in and connected accounts. A provider's sign-in counts as the first factor, like a password:
 * the session it opens is the password login's (same refresh-token family, same device record), and an
 * account with two-factor on still needs its code ({@link OidcSecondFactor}). Every outcome is audited,
 * refusals too (their transaction commits: {@code noRollbackFor}).
 */
@Service
class OidcSignIn {

    private final OidcFlow flow;
    private final OidcAccounts accounts;
    private final SessionTokens sessionTokens;
    private final AuditTrail audit;
    private final Reauthentications reauthentications;

    OidcSignIn(OidcFlow flow, OidcAccounts accounts, SessionTokens sessionTokens, AuditTrail audit,
            Reauthentications reauthentications) {
        this.flow = flow;
        this.accounts = accounts;
        this.sessionTokens = sessionTokens;
        this.audit = audit;
        this.reauthentications = reauthentications;
    }

    /**
     * Where a finished callback leaves the browser.
     *
     * @param signedIn  the new session, for a sign-in without a second factor
     * @param mfaTicket the waiting sign-in's ticket, when the account uses two-factor
     * @param linked    whether this was a link of a signed-in account
     * @param reauthenticated whether this was a re-authentication of a signed-in account's session
     */
    record Outcome(String provider, SignedIn signedIn, String mfaTicket, boolean linked, boolean reauthenticated) {
    }

    /**
     * Starts a sign-in ({@code userId} null) or a link of {@code userId}'s account to {@code provider}.
     *
     * @throws OidcException {@code oidc-provider-not-found}, {@code oidc-provider-unavailable}, or
     *                       {@code oidc-already-connected} for a link of a connected provider
     */
    @Transactional
    public OidcFlow.Started start(String provider, UUID userId) {
        if (userId != null && accounts.connected(userId, provider)) {
            throw OidcException.alreadyConnected();
        }
        return flow.start(provider, userId == null ? Purpose.SIGN_IN : Purpose.LINK, userId, null);
    }

    /**
     * Starts a re-authentication of {@code sessionId} at {@code provider}, connected to {@code userId}'s
     * account: a fresh sign-in there, which an account without a password shows instead of one for a few
     * minutes ({@link Reauthentications}).
     *
     * @throws OidcException {@code oidc-not-connected}, {@code oidc-provider-not-found} or
     *                       {@code oidc-provider-unavailable}
     */
    @Transactional
    public OidcFlow.Started startReauthentication(String provider, UUID userId, UUID sessionId) {
        if (sessionId == null || !accounts.connected(userId, provider)) {
            throw OidcException.notConnected();
        }
        return flow.start(provider, Purpose.REAUTHENTICATION, userId, sessionId);
    }

    /**
     * Finishes what the provider sent the browser back with.
     *
     * @throws OidcException every refusal, audited as {@code oidc.failed} with its code
     */
    @Transactional(noRollbackFor = OidcException.class)
    public Outcome finish(String provider, OidcFlow.Callback callback, String boundState, ClientInfo client) {
        UUID linking = null;
        try {
            OidcFlow.Finished finished = flow.finish(provider, callback, boundState);
            linking = finished.attempt().userId();
            if (finished.attempt().purpose() == Purpose.LINK) {
                accounts.link(linking, provider, finished.identity());
                audit.record("oidc.connected", linking, linking, Map.of("provider", provider));
                return new Outcome(provider, null, null, true, false);
            }
            if (finished.attempt().purpose() == Purpose.REAUTHENTICATION) {
                accounts.requireReauthentication(linking, provider, finished.identity());
                reauthentications.record(linking, finished.attempt().sessionId(), provider);
                audit.record("oidc.reauthenticated", linking, linking, Map.of("provider", provider,
                        "session", finished.attempt().sessionId().toString()));
                return new Outcome(provider, null, null, false, true);
            }
            return signIn(provider, accounts.resolve(provider, finished.identity()), client);
        }
        catch (OidcException refused) {
            Map<String, String> details = new HashMap<>(Map.of("provider", provider, "reason", refused.code()));
            audit.record("oidc.failed", linking, linking, details);
            throw refused.duringLink(linking != null);
        }
    }

    private Outcome signIn(String provider, OidcAccounts.Resolved resolved, ClientInfo client) {
        UserView user = resolved.user();
        if (resolved.registered()) {
            audit.record("user.registered", user.id(), user.id(), Map.of("admin", "false", "provider", provider));
        }
        if (!user.enabled()) {
            audit.record("login.failed", null, user.id(), Map.of("reason", "disabled", "provider", provider));
            throw OidcException.accountDisabled();
        }
        if (user.mfaEnabled()) {
            audit.record("oidc.mfa-required", null, user.id(), Map.of("provider", provider));
            return new Outcome(provider, null, flow.awaitSecondFactor(provider, user.id()), false, false);
        }
        SignedIn signedIn = sessionTokens.open(user, client);
        audit.record("login.succeeded", user.id(), user.id(),
                Map.of("session", signedIn.sessionId().toString(), "provider", provider));
        return new Outcome(provider, signedIn, null, false, false);
    }

    /** The account's connections, whether it has a password, and until when {@code sessionId} is re-authenticated. */
    @Transactional(readOnly = true)
    public Mine connections(UUID userId, UUID sessionId) {
        return new Mine(accounts.list(userId), accounts.hasPassword(userId),
                reauthentications.validUntil(userId, sessionId).orElse(null));
    }

    /**
     * What {@link #connections} answers.
     *
     * @param reauthenticatedUntil until when the session's re-authentication stands in for a password; null
     *                             when it has none
     */
    record Mine(List<Connections.Connection> connections, boolean hasPassword, Instant reauthenticatedUntil) {
    }

    /**
     * Disconnects {@code provider} from the account (audited).
     *
     * @throws OidcException {@code oidc-not-connected} or {@code last-sign-in-method}
     */
    @Transactional
    public void disconnect(UUID userId, String provider) {
        accounts.disconnect(userId, provider);
        audit.record("oidc.disconnected", userId, userId, Map.of("provider", provider));
    }
}
