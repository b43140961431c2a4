-- Live core: chat messages (kept encore.live.chat-retention), mutes, and who is connected to which
-- live session on which node (refreshed every encore.live.presence-heartbeat, stale rows swept).
CREATE TABLE live_chat_messages (
    id          UUID          NOT NULL PRIMARY KEY,
    kind        VARCHAR(20)   NOT NULL,
    session_id  UUID          NOT NULL,
    user_id     UUID          NOT NULL,
    username    VARCHAR(50)   NOT NULL,
    text        VARCHAR(2000) NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX live_chat_messages_session_idx ON live_chat_messages (kind, session_id, sent_at);
CREATE INDEX live_chat_messages_user_idx ON live_chat_messages (user_id);
CREATE INDEX live_chat_messages_sent_idx ON live_chat_messages (sent_at);

CREATE TABLE live_mutes (
    kind        VARCHAR(20)   NOT NULL,
    session_id  UUID          NOT NULL,
    user_id     UUID          NOT NULL,
    until       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, session_id, user_id)
);
CREATE INDEX live_mutes_user_idx ON live_mutes (user_id);

-- one row per STOMP subscription to a session topic; STOMP session ids are unique per node only
CREATE TABLE live_presence (
    node_id          VARCHAR(64)   NOT NULL,
    stomp_session_id VARCHAR(100)  NOT NULL,
    subscription_id  VARCHAR(100)  NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    session_id       UUID          NOT NULL,
    user_id          UUID          NOT NULL,
    username         VARCHAR(50)   NOT NULL,
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (node_id, stomp_session_id, subscription_id)
);
CREATE INDEX live_presence_session_idx ON live_presence (kind, session_id, user_id);
CREATE INDEX live_presence_seen_idx ON live_presence (seen_at);
CREATE INDEX live_presence_user_idx ON live_presence (user_id);
