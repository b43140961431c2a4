-- Account: password reset tokens. Only the SHA-256 of a token is kept; a token works once, until it expires.
CREATE TABLE account_password_resets (
    id          UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64)              NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_password_resets_user_idx ON account_password_resets (user_id);
