-- Platform: revoked access tokens and sessions (keys "jti:…" and "sid:…"), kept until the last token
-- they refuse would have expired anyway, so a restart does not bring a revoked token back to life.
CREATE TABLE access_token_denials (
    denied_key    VARCHAR(100)             NOT NULL PRIMARY KEY,
    denied_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_token_denials_until_idx ON access_token_denials (denied_until);
