-- Notify: what each user wants to hear by mail (no row: the defaults), and the devices they signed in
-- from (a hash of the browser's User-Agent), so a sign-in from a new one can be told.
CREATE TABLE notify_preferences (
    user_id          UUID                     NOT NULL PRIMARY KEY,
    security_alerts  BOOLEAN                  NOT NULL,
    import_updates   BOOLEAN                  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE notify_known_devices (
    user_id      UUID                     NOT NULL,
    device_hash  VARCHAR(64)              NOT NULL,
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, device_hash)
);
