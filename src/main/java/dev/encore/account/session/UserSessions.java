package dev.encore.account.session;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface UserSessions extends ListCrudRepository<UserSession, UUID> {

    List<UserSession> findByUserIdOrderByCreatedAtDesc(UUID userId);
}
