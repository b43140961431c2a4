package dev.encore.account.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;

/** Refresh-token rotation: a refresh token buys a new token pair once. */
@Service
public class TokenRefresh {

    private final RefreshTokenFamilies families;
    private final UserAccounts accounts;
    private final SessionTokens sessionTokens;
    private final Clock clock;

    TokenRefresh(RefreshTokenFamilies families, UserAccounts accounts, SessionTokens sessionTokens, Clock clock) {
        this.families = families;
        this.accounts = accounts;
        this.sessionTokens = sessionTokens;
        this.clock = clock;
    }

    /**
     * Exchanges a refresh token for new tokens; the presented one is spent. Presenting a spent
     * token again ends the whole session (it may have been stolen) and is audited.
     *
     * @param refreshToken as the client holds it; null when it sent none
     * @throws InvalidRefreshTokenException missing, unknown, expired or revoked
     * @throws RefreshTokenReusedException  already used: the session is now revoked
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public SignedIn refresh(String refreshToken, ClientInfo client) {
        Instant now = clock.instant();
        RefreshTokenFamilies.Presented presented = families.present(refreshToken);
        UserSession session = presented.session();
        UserView user = accounts.find(session.userId()).orElseThrow(InvalidRefreshTokenException::new);
        if (!session.isActive(now) || !user.enabled()) {
            throw new InvalidRefreshTokenException();
        }
        families.spend(presented);
        sessionTokens.touch(session, client);
        return sessionTokens.issue(user, session);
    }
}
