-- Account: the one row that registrations with a bootstrap admin key lock (SELECT ... FOR UPDATE)
-- while they check that no admin exists yet, so racing registrations, on any node, make one admin.
CREATE TABLE account_admin_bootstrap (
    id  INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO account_admin_bootstrap (id) VALUES (1);
