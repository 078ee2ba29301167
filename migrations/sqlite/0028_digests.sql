-- Network digests (issue 19): people subscribe to a network's weekly digest by e-mail (no
-- account needed; confirmed by a link), and the outbox grows extra headers (RFC 8058
-- List-Unsubscribe). A network remembers up to when its last digest went out.
ALTER TABLE outbox ADD COLUMN headers TEXT NOT NULL DEFAULT '';
ALTER TABLE networks ADD COLUMN digest_until BIGINT;

CREATE TABLE network_subscriptions (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    lang TEXT NOT NULL,
    -- SHA-256 of the subscription's own link (confirm, unsubscribe).
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    UNIQUE (network_id, email)
);
CREATE INDEX network_subscriptions_email ON network_subscriptions (email);
