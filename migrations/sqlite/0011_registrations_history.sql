-- Organizations that registered themselves (issue 5): who registered, the contact person and
-- the home municipality they gave, and who verified the organization and when. Not public:
-- coordinators read it in the verification queue. Times are Unix microseconds.
CREATE TABLE organization_registrations (
    organization_id TEXT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    contact_name TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    verified_at BIGINT,
    verified_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX organization_registrations_pending ON organization_registrations (created_at) WHERE verified_at IS NULL;

-- Every change made through the edit forms: who, when, and each field before and after
-- (a JSON list of {"field", "before", "after"}), shown to the record's owners.
CREATE TABLE record_history (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    at BIGINT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX record_history_record ON record_history (record_id, at);
CREATE INDEX record_history_organization ON record_history (organization_id, at);
