-- Re-authentication (account.oidc): an account without a password proves its owner is at a session by a
-- fresh sign-in at a connected identity provider, in place of the password that sensitive changes ask for
-- (setting a password, turning two-factor on, deleting the account).

-- The session a re-authentication was started from (its proof is that session's).
ALTER TABLE account_oidc_attempts ADD COLUMN session_id UUID;

-- A session's recent proof; one per session, short-lived. Kept apart from account_sessions, whose rows
-- the session code saves whole.
CREATE TABLE account_reauthentications (
    session_id      UUID         NOT NULL PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES account_users (id) ON DELETE CASCADE,
    provider        VARCHAR(64)  NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX account_reauthentications_expires_idx ON account_reauthentications (expires_at);
