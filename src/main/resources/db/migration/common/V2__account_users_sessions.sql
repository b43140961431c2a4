-- Accounts: users, their sessions (refresh-token families) and MFA recovery codes.
-- Uniqueness is case-insensitive: username_key is the lower-cased username, email is stored lower-case.
CREATE TABLE account_users (
    id              UUID         NOT NULL PRIMARY KEY,
    username        VARCHAR(50)  NOT NULL,
    username_key    VARCHAR(50)  NOT NULL,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(100),
    password_hash   VARCHAR(255) NOT NULL,
    admin           BOOLEAN      NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    mfa_secret      VARCHAR(255),
    mfa_enabled     BOOLEAN      NOT NULL,
    mfa_last_step   BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT account_users_username_key_uq UNIQUE (username_key),
    CONSTRAINT account_users_email_uq UNIQUE (email)
);
CREATE INDEX account_users_created_at_idx ON account_users (created_at);

CREATE TABLE account_sessions (
    id              UUID         NOT NULL PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    user_agent      VARCHAR(255),
    client_ip       VARCHAR(64),
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_reason  VARCHAR(32),
    version         BIGINT       NOT NULL
);
CREATE INDEX account_sessions_user_idx ON account_sessions (user_id);

CREATE TABLE account_refresh_tokens (
    token_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,
    session_id      UUID         NOT NULL REFERENCES account_sessions (id) ON DELETE CASCADE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_refresh_tokens_session_idx ON account_refresh_tokens (session_id);

CREATE TABLE account_recovery_codes (
    id              UUID         NOT NULL PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    code_hash       VARCHAR(64)  NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_recovery_codes_user_idx ON account_recovery_codes (user_id);
