-- Failed sign-ins (issue 5), for throttling: one row per failure and key, where the key is the
-- SHA-256 of the client's address (or IPv6 /64) or of the e-mail address typed, so neither is
-- kept readable. `at` is Unix time in microseconds. Rows older than an hour are deleted as new
-- ones come.
CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);
