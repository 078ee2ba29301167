-- Attachments of public records (issue 19): a project's reports and results, later an
-- article's material. `owner` is the record as `project:{id}`; the type is what the bytes
-- are (checked on upload), never what the browser said. Who added one is an account id, let
-- go with the account.
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data BLOB NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner, created_at);
