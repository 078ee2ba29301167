-- A job seeker's portfolio (issue 6): a few images or documents of their own work with
-- captions. The type is what the bytes are (checked on upload), never what the browser said.
CREATE TABLE portfolio_items (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    caption TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX portfolio_items_user ON portfolio_items (user_id, created_at);
