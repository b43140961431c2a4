-- Platform: when a queued mail is due for its next try. Nodes with mail send the mails that are due
-- and whose job did not send them (a node without mail took it, or the node died), so a mail waits
-- for a node that can send it instead of being given up by one that cannot.
ALTER TABLE platform_mails ADD COLUMN next_try_at TIMESTAMP WITH TIME ZONE;
UPDATE platform_mails SET next_try_at = created_at WHERE status = 'QUEUED';
CREATE INDEX platform_mails_due_idx ON platform_mails (status, next_try_at);
