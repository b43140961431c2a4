package dev.encore.account.mfa;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * A single-use MFA recovery code, kept only as its SHA-256 (the codes carry 80 random bits). Saved
 * once, when it is made; it is used up by {@link RecoveryCodes#use}, in the database, so two logins
 * racing with the same code cannot both pass.
 */
@Table("account_recovery_codes")
class RecoveryCode extends InsertOnlyRow<UUID> {

    @Id
    private final UUID id;
    private final UUID userId;
    private final String codeHash;

    @PersistenceCreator
    private RecoveryCode(UUID id, UUID userId, String codeHash) {
        this.id = id;
        this.userId = userId;
        this.codeHash = codeHash;
    }

    RecoveryCode(UUID userId, String codeHash) {
        this(UUID.randomUUID(), userId, codeHash);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
