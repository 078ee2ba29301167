-- Invitations to join an organization as a member (issue 5), sent by its admin to an e-mail
-- address. Only the SHA-256 of the link's token is kept; the link works once, for a week, and
-- only for an account with the invited address. Times are Unix microseconds.
CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    invited_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT
);
CREATE INDEX invites_organization ON invites (organization_id);
