package dev.encore.account.user;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Users extends JpaRepository<User, UUID>, JpaSpecificationExecutor<User> {

    Optional<User> findByUsernameKey(String usernameKey);

    Optional<User> findByEmail(String email);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByEmail(String email);

    @Query("select count(u) from User u where u.admin = true and u.enabled = true")
    long countEnabledAdmins();

    boolean existsByAdminTrue();

    /**
     * Locks the one row of {@code account_admin_bootstrap} until the transaction ends, so that
     * registrations with a bootstrap admin key, on any node, check "no admin yet" one at a time.
     */
    @Query(value = "select id from account_admin_bootstrap where id = 1 for update", nativeQuery = true)
    Integer lockAdminBootstrap();

    /** Accounts whose username or email contains {@code query} (lower-case); all when null. */
    default Page<User> search(String query, Pageable pageable) {
        if (query == null) {
            return findAll(pageable);
        }
        String pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return findAll((Specification<User>) (user, q, cb) -> cb.or(cb.like(user.get("usernameKey"), pattern, '\\'),
                cb.like(user.get("email"), pattern, '\\')), pageable);
    }
}
