package dev.encore.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface Users extends JpaRepository<User, UUID> {

    Optional<User> findByUsernameKey(String usernameKey);

    Optional<User> findByEmail(String email);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByEmail(String email);

    @Query("select count(u) from User u where u.admin = true and u.enabled = true")
    long countEnabledAdmins();

    @Query("select u from User u where :q is null or u.usernameKey like concat('%', :q, '%') "
            + "or u.email like concat('%', :q, '%')")
    Page<User> search(String q, Pageable pageable);
}
