-- Audit: the append-only trail of security-relevant events from every module.
CREATE TABLE audit_entries (
    id              UUID         NOT NULL PRIMARY KEY,
    type            VARCHAR(64)  NOT NULL,
    actor_id        VARCHAR(64),
    target_id       VARCHAR(64),
    client_ip       VARCHAR(64),
    user_agent      VARCHAR(255),
    request_id      VARCHAR(64),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    details         VARCHAR(2000) NOT NULL
);
CREATE INDEX audit_entries_occurred_at_idx ON audit_entries (occurred_at);
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, occurred_at);
CREATE INDEX audit_entries_type_idx ON audit_entries (type, occurred_at);
