-- Platform: the mail outbox. One row per mail, keyed by the id of what caused it (an event), so the
-- same cause never queues two mails; bodies are sealed (SecretBox) while queued and erased once sent.
CREATE TABLE platform_mails (
    id              UUID                     NOT NULL PRIMARY KEY,
    recipient       VARCHAR(320)             NOT NULL,
    recipient_name  VARCHAR(200)             NOT NULL,
    subject         VARCHAR(200)             NOT NULL,
    text_body       VARCHAR(200000),
    html_body       VARCHAR(200000),
    status          VARCHAR(10)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    last_error      VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX platform_mails_sent_idx ON platform_mails (sent_at);
