-- Directory core: organizations, locations, services, contacts, opportunities.
-- Localized texts are JSON objects {"fi": …, "sv": …, "en": …} stored as text.
CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    legal_form TEXT NOT NULL,
    business_id TEXT UNIQUE,
    description TEXT NOT NULL,
    website TEXT,
    email TEXT,
    phones TEXT NOT NULL DEFAULT '[]',
    areas_served TEXT NOT NULL DEFAULT '[]',
    networks TEXT NOT NULL DEFAULT '[]',
    verified BOOLEAN NOT NULL DEFAULT FALSE,
    last_verified_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX organizations_name ON organizations (name);

CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    accessibility TEXT
);
CREATE INDEX locations_organization ON locations (organization_id);
CREATE INDEX locations_municipality ON locations (municipality_code);

CREATE TABLE services (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL,
    languages TEXT NOT NULL DEFAULT '[]',
    free BOOLEAN NOT NULL,
    cost TEXT,
    eligibility TEXT,
    min_age INTEGER,
    max_age INTEGER,
    low_threshold BOOLEAN NOT NULL,
    schedule TEXT,
    how_to_get_there TEXT,
    funding TEXT NOT NULL DEFAULT '[]',
    last_verified_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX services_organization ON services (organization_id);

CREATE TABLE service_locations (
    service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    location_id TEXT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (service_id, location_id)
);
CREATE INDEX service_locations_location ON service_locations (location_id);

-- taxonomy is 'target_group' or 'topic'; term is an id from data/taxonomies.json
CREATE TABLE service_terms (
    service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    taxonomy TEXT NOT NULL,
    term TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (service_id, taxonomy, term)
);
CREATE INDEX service_terms_term ON service_terms (taxonomy, term);

CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    service_id TEXT REFERENCES services (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    name TEXT,
    email TEXT,
    phone TEXT
);
CREATE INDEX contacts_organization ON contacts (organization_id);

CREATE TABLE opportunities (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    service_id TEXT REFERENCES services (id) ON DELETE SET NULL,
    location_id TEXT REFERENCES locations (id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    requirements TEXT,
    how_to_apply TEXT NOT NULL,
    places_total INTEGER NOT NULL,
    places_free INTEGER NOT NULL,
    hours_per_week INTEGER,
    part_time BOOLEAN NOT NULL,
    starts_on DATE,
    apply_by DATE,
    status TEXT NOT NULL,
    last_verified_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX opportunities_organization ON opportunities (organization_id);
CREATE INDEX opportunities_location ON opportunities (location_id);
CREATE INDEX opportunities_created ON opportunities (created_at);

CREATE TABLE opportunity_terms (
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    taxonomy TEXT NOT NULL,
    term TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (opportunity_id, taxonomy, term)
);
CREATE INDEX opportunity_terms_term ON opportunity_terms (taxonomy, term);
