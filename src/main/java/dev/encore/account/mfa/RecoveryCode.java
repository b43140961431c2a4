package dev.encore.account.mfa;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use MFA recovery code, kept only as its SHA-256 (the codes carry 80 random bits). */
@Entity
@Table(name = "account_recovery_codes")
class RecoveryCode {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "code_hash")
    private String codeHash;
    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(UUID userId, String codeHash) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.codeHash = codeHash;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}
