-- OIDC sign-in (account.oidc): the accounts of identity providers connected to Encore accounts, and the
-- short-lived, single-use sign-in attempts (state) every node can finish.

-- Whether the account has a password its owner knows; accounts registered through an identity provider
-- get an unusable random one and FALSE here (they cannot drop their last connection).
ALTER TABLE account_users ADD COLUMN password_set BOOLEAN DEFAULT TRUE NOT NULL;

-- A connected account is known by its issuer and subject, never by email.
CREATE TABLE account_oidc_connections (
    id              UUID         NOT NULL PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    provider        VARCHAR(64)  NOT NULL,
    issuer          VARCHAR(512) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    email           VARCHAR(254),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT account_oidc_connections_subject_uq UNIQUE (issuer, subject),
    CONSTRAINT account_oidc_connections_provider_uq UNIQUE (user_id, provider)
);

-- A started sign-in, link or second-factor step, kept as the SHA-256 of its state; deleted when used.
CREATE TABLE account_oidc_attempts (
    state_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,
    purpose         VARCHAR(16)  NOT NULL,
    provider        VARCHAR(64)  NOT NULL,
    user_id         UUID         REFERENCES account_users (id) ON DELETE CASCADE,
    nonce           VARCHAR(64),
    code_verifier   VARCHAR(255),
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX account_oidc_attempts_expires_idx ON account_oidc_attempts (expires_at);
