package dev.encore.account.session;

import java.time.Instant;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RefreshTokens extends ListCrudRepository<RefreshToken, String> {

    /** Marks the token rotated; 1 if this call did, 0 if it was rotated already. */
    @Modifying
    @Query("UPDATE account_refresh_tokens SET rotated_at = :now WHERE token_hash = :tokenHash AND rotated_at IS NULL")
    int spend(String tokenHash, Instant now);
}
