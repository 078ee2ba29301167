-- The second factor (issue 5): a TOTP secret (RFC 6238) per account, confirmed when the
-- person first types a code from their authenticator app; the last time step used, so a code
-- works once. Recovery codes are kept only as SHA-256 hashes and work once each.
CREATE TABLE second_factors (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    confirmed_at BIGINT,
    last_step BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);
-- A session that has passed the password but not yet the second factor signs nobody in.
ALTER TABLE sessions ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;
