-- Job seekers' own profiles, interest in opportunities with their message threads, who has
-- looked at a profile, hidden suggestions and saved searches (issue 6). Lists are JSON arrays
-- of taxonomy ids; times are Unix microseconds. Everything a person wrote goes with their
-- account (ON DELETE CASCADE) except the threads an organization keeps, where the person
-- becomes "deleted user" (SET NULL) and their shared profile is erased by the store.
CREATE TABLE profiles (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    display_name TEXT NOT NULL DEFAULT '',
    introduction TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '[]',
    free_skills TEXT NOT NULL DEFAULT '[]',
    interests TEXT NOT NULL DEFAULT '[]',
    languages TEXT NOT NULL DEFAULT '[]',
    kinds TEXT NOT NULL DEFAULT '[]',
    municipality TEXT,
    travel_km INTEGER,
    hours_per_week INTEGER,
    part_time BOOLEAN NOT NULL DEFAULT FALSE,
    available_from TEXT,
    age_band TEXT,
    pool_58 BOOLEAN NOT NULL DEFAULT FALSE,
    expert_by_experience BOOLEAN NOT NULL DEFAULT FALSE,
    visibility TEXT NOT NULL DEFAULT 'private',
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX profiles_changed ON profiles (updated_at);

-- Profiles deleted or made private lately: other nodes' talent indexes drop them.
CREATE TABLE profile_removals (
    user_id TEXT PRIMARY KEY,
    removed_at BIGINT NOT NULL
);
CREATE INDEX profile_removals_at ON profile_removals (removed_at);

-- A conversation between a person and an organization: "I'm interested" in an opportunity,
-- or an organization's message from the talent pool.
CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    person_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    opportunity_id TEXT REFERENCES opportunities (id) ON DELETE SET NULL,
    started_by TEXT NOT NULL,
    status TEXT NOT NULL,
    shared_profile TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX threads_person ON threads (person_id, updated_at);
CREATE INDEX threads_organization ON threads (organization_id, updated_at);
CREATE UNIQUE INDEX threads_one_interest ON threads (person_id, opportunity_id);

CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    from_person BOOLEAN NOT NULL,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX messages_thread ON messages (thread_id, created_at);

-- Every look at a profile by an organization's member: the person reads it.
CREATE TABLE profile_views (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    viewer_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
    context TEXT NOT NULL,
    viewed_at BIGINT NOT NULL
);
CREATE INDEX profile_views_person ON profile_views (person_id, viewed_at);

CREATE TABLE hidden_suggestions (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    opportunity_id TEXT NOT NULL,
    hidden_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, opportunity_id)
);

-- A search kept for e-mail alerts: the query string of /search, checked daily; the
-- unsubscribe link carries a random token that can only stop this alert (kept as is, so
-- every digest can carry it).
CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    query TEXT NOT NULL,
    lang TEXT NOT NULL,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    checked_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX saved_searches_user ON saved_searches (user_id);
