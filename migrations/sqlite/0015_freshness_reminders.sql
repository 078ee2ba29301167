-- Reminders sent to owners when a record has gone 6 or 12 months without being confirmed
-- (issue 5). One row per record and stage; a reminder older than the record's last
-- confirmation no longer counts. Inserting the row first is what lets only one node send it.
CREATE TABLE freshness_reminders (
    record_id TEXT NOT NULL,
    stage INTEGER NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (record_id, stage)
);
