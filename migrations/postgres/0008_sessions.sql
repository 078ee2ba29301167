-- Sign-in sessions (issue 5). The cookie holds a random 256-bit token; only its SHA-256 is
-- kept here, so a copy of the database signs nobody in. Every node reads the same rows, so
-- ending a session (sign-out, new password, disabled account) ends it everywhere.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
