-- Insights: daily roll-ups of plays, viewings, downloads and imports, fed by events.
-- What an item is, as its latest event told: whose it is (null once the owner's account is gone) and its name.
CREATE TABLE insights_items (
    activity  VARCHAR(16)  NOT NULL,
    item_id   UUID         NOT NULL,
    owner_id  UUID,
    name      VARCHAR(255),
    PRIMARY KEY (activity, item_id)
);
CREATE INDEX insights_items_owner_idx ON insights_items (owner_id);

-- Per item and UTC day: not personal (no user id), kept when the listener's account goes.
CREATE TABLE insights_item_days (
    activity  VARCHAR(16)  NOT NULL,
    item_id   UUID         NOT NULL,
    on_day    DATE         NOT NULL,
    hits      BIGINT       NOT NULL,
    PRIMARY KEY (activity, item_id, on_day)
);
CREATE INDEX insights_item_days_day_idx ON insights_item_days (on_day);

-- Per user, item and UTC day: personal, deleted with the account.
CREATE TABLE insights_user_days (
    user_id   UUID         NOT NULL,
    on_day    DATE         NOT NULL,
    activity  VARCHAR(16)  NOT NULL,
    item_id   UUID         NOT NULL,
    hits      BIGINT       NOT NULL,
    PRIMARY KEY (user_id, on_day, activity, item_id)
);
CREATE INDEX insights_user_days_day_idx ON insights_user_days (on_day);

-- Events already counted, so a publication delivered again is not counted twice.
CREATE TABLE insights_counted_events (
    event_id    UUID                      NOT NULL PRIMARY KEY,
    counted_at  TIMESTAMP WITH TIME ZONE  NOT NULL
);
CREATE INDEX insights_counted_events_at_idx ON insights_counted_events (counted_at);
