-- Warm hand-over (issue 18): clients, the consent ledger, referrals with their steps and
-- follow-ups, and the hash-chained audit log.

-- Consent texts are data: each wording a version, never changed once published.
CREATE TABLE consent_texts (
    purpose TEXT NOT NULL,
    version INTEGER NOT NULL,
    text_fi TEXT NOT NULL,
    text_sv TEXT NOT NULL,
    text_en TEXT NOT NULL,
    PRIMARY KEY (purpose, version)
);

-- A person as an organization keeps them (least data), or as the person keeps themself
-- (organization_id NULL). A claim code (kept as its hash) lets the person take it over.
CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    organization_id TEXT REFERENCES organizations (id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    display_name TEXT NOT NULL,
    birth_year INTEGER,
    municipality TEXT,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    claim_hash TEXT UNIQUE,
    claim_expires_at BIGINT
);
CREATE INDEX clients_organization ON clients (organization_id);
CREATE INDEX clients_user ON clients (user_id);
CREATE UNIQUE INDEX clients_own ON clients (user_id) WHERE organization_id IS NULL;

-- The ledger: rows are only added; a withdrawal is a row of its own.
CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    text_version INTEGER NOT NULL,
    categories TEXT NOT NULL,
    recipient_org TEXT REFERENCES organizations (id) ON DELETE CASCADE,
    given_at BIGINT NOT NULL,
    method TEXT NOT NULL,
    recorded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    expires_at BIGINT NOT NULL,
    FOREIGN KEY (purpose, text_version) REFERENCES consent_texts (purpose, version)
);
CREATE INDEX consents_client ON consents (client_id, purpose);
CREATE TABLE consent_withdrawals (
    consent_id TEXT PRIMARY KEY REFERENCES consents (id) ON DELETE CASCADE,
    withdrawn_at BIGINT NOT NULL,
    withdrawn_by TEXT REFERENCES users (id) ON DELETE SET NULL
);

-- Summary and health notes are sealed (AES-256-GCM, vault.rs): never in clear here.
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    from_org TEXT REFERENCES organizations (id) ON DELETE SET NULL,
    to_org TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    service_id TEXT REFERENCES services (id) ON DELETE SET NULL,
    opportunity_id TEXT REFERENCES opportunities (id) ON DELETE SET NULL,
    state TEXT NOT NULL,
    decline_reason TEXT,
    outcome TEXT,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    answered_at BIGINT,
    consent_id TEXT NOT NULL REFERENCES consents (id),
    summary_consent_id TEXT NOT NULL REFERENCES consents (id),
    health_consent_id TEXT REFERENCES consents (id),
    summary_sealed TEXT NOT NULL,
    health_sealed TEXT,
    reminded_receiver_at BIGINT,
    reminded_sender_at BIGINT
);
CREATE INDEX referrals_client ON referrals (client_id);
CREATE INDEX referrals_from ON referrals (from_org, updated_at);
CREATE INDEX referrals_to ON referrals (to_org, updated_at);
CREATE INDEX referrals_waiting ON referrals (state, created_at);

CREATE TABLE referral_events (
    id TEXT PRIMARY KEY,
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    detail TEXT,
    by_party TEXT NOT NULL,
    by_user TEXT REFERENCES users (id) ON DELETE SET NULL,
    at BIGINT NOT NULL
);
CREATE INDEX referral_events_referral ON referral_events (referral_id, at);

CREATE TABLE follow_ups (
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    months INTEGER NOT NULL,
    due_at BIGINT NOT NULL,
    asked_at BIGINT,
    answered_at BIGINT,
    outcome TEXT,
    answered_by TEXT,
    PRIMARY KEY (referral_id, months)
);
CREATE INDEX follow_ups_due ON follow_ups (due_at);

-- The audit log: each row holds the SHA-256 of the previous row's hash and its own
-- content. audit_head keeps the last number and hash, so a removed tail is found too and
-- appends take turns (its row is locked first).
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    actor_digest TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    organization_id TEXT,
    purpose TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    subject_id TEXT,
    subject_digest TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    -- The first row still kept and the hash before it, after retention removed a prefix.
    first_seq BIGINT NOT NULL,
    first_prev_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash, first_seq, first_prev_hash) VALUES
    (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 1,
     '0000000000000000000000000000000000000000000000000000000000000000');
