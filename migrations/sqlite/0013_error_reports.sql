-- "Report an error" on public records (issue 5): anyone may send one, without an account; the
-- organization's members and the coordinators handle them. The contact address is optional
-- and deleted with the report. Times are Unix microseconds.
CREATE TABLE error_reports (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    message TEXT NOT NULL,
    contact_email TEXT,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX error_reports_open ON error_reports (organization_id, created_at) WHERE resolved_at IS NULL;
