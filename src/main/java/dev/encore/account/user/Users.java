package dev.encore.account.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Users extends ListCrudRepository<User, UUID> {

    Optional<User> findByUsernameKey(String usernameKey);

    Optional<User> findByEmail(String email);

    List<User> findByAdminTrueAndEnabledTrue();

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByEmail(String email);

    @Query("SELECT COUNT(*) FROM account_users WHERE admin = TRUE AND enabled = TRUE")
    long countEnabledAdmins();

    boolean existsByAdminTrue();

    /**
     * Locks the one row of {@code account_admin_bootstrap} until the transaction ends, so that
     * registrations with a bootstrap admin key, on any node, check "no admin yet" one at a time, and
     * changes that take an enabled admin away check "another admin is left" one at a time.
     */
    @Query("SELECT id FROM account_admin_bootstrap WHERE id = 1 FOR UPDATE")
    Integer lockAdminBootstrap();

    /**
     * Whether the account has a password its owner knows, locking its row until the transaction ends:
     * changes of an account's ways to sign in (a connection removed) check "another way is left" one at a
     * time, on any node. Null when there is no such account.
     */
    @Query("SELECT password_set FROM account_users WHERE id = :id FOR UPDATE")
    Boolean lockPasswordSet(UUID id);

    /**
     * Accepts a TOTP time step once: 1 when {@code step} is later than every step accepted before,
     * 0 when it was used already (or is older), also by a login at the same moment. Counts the
     * version up, so a save of the account read before it fails instead of bringing an old step back.
     */
    @Modifying
    @Query("UPDATE account_users SET mfa_last_step = :step, version = version + 1 WHERE id = :id "
            + "AND (mfa_last_step IS NULL OR mfa_last_step < :step)")
    int acceptTotpStep(UUID id, long step);
}
