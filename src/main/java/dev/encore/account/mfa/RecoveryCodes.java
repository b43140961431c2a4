package dev.encore.account.mfa;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface RecoveryCodes extends ListCrudRepository<RecoveryCode, UUID> {

    Optional<RecoveryCode> findByUserIdAndCodeHash(UUID userId, String codeHash);

    void deleteByUserId(UUID userId);
}
