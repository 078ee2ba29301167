-- The project register (issue 19): who runs which funded project. Texts in several languages
-- and lists are JSON; dates are YYYY-MM-DD (they compare as text); `source_key` is the row's
-- key in the spreadsheet it was imported from, so importing again updates.
CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    source_key TEXT UNIQUE,
    name TEXT NOT NULL,
    name_fi TEXT NOT NULL,
    lead_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    partners TEXT NOT NULL,
    funders TEXT NOT NULL,
    funder_note TEXT NOT NULL,
    budget_eur BIGINT,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    target_groups TEXT NOT NULL,
    municipalities TEXT NOT NULL,
    aims TEXT NOT NULL,
    contact_role TEXT NOT NULL,
    results TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX projects_lead ON projects (lead_id);
CREATE INDEX projects_period ON projects (starts_on, ends_on);
