package dev.encore.account.mfa;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RecoveryCodes extends ListCrudRepository<RecoveryCode, UUID> {

    /** Marks the user's unused code with this hash used; 1 if there was one, 0 if not (or used already). */
    @Modifying
    @Query("UPDATE account_recovery_codes SET used_at = :now"
            + " WHERE user_id = :userId AND code_hash = :codeHash AND used_at IS NULL")
    int use(UUID userId, String codeHash, Instant now);

    @Modifying
    @Query("DELETE FROM account_recovery_codes WHERE user_id = :userId")
    int deleteByUserId(UUID userId);
}
