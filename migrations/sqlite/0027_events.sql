-- Events (issue 19): network meetings, workshops, fairs and open days with their organizers,
-- place, times (UTC microseconds; shown and repeated in Europe/Helsinki), recurrence (JSON of
-- the RFC 5545 subset), sign-ups with a waiting list, and each account's secret calendar feed.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    network_id TEXT REFERENCES networks (id) ON DELETE SET NULL,
    location_id TEXT REFERENCES locations (id) ON DELETE SET NULL,
    place TEXT NOT NULL,
    municipality_code TEXT,
    online_url TEXT,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    -- When the last occurrence ends: past events are those before now.
    last_ends_at BIGINT NOT NULL,
    recurrence TEXT,
    audience TEXT NOT NULL,
    languages TEXT NOT NULL,
    cost TEXT NOT NULL,
    accessibility TEXT NOT NULL,
    capacity BIGINT,
    signup BOOLEAN NOT NULL,
    cancelled BOOLEAN NOT NULL,
    sequence BIGINT NOT NULL,
    -- Raised by every sign-up change: the row lock that keeps places from being over-taken.
    signup_version BIGINT NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_last_end ON events (last_ends_at);
CREATE INDEX events_municipality ON events (municipality_code, last_ends_at);
CREATE INDEX events_network ON events (network_id, last_ends_at);

CREATE TABLE event_organizers (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    PRIMARY KEY (event_id, organization_id)
);
CREATE INDEX event_organizers_organization ON event_organizers (organization_id);

CREATE TABLE event_signups (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    needs TEXT NOT NULL,
    -- The language the person signed up in: their messages are in it.
    lang TEXT NOT NULL,
    state TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    reminded_for BIGINT
);
CREATE INDEX event_signups_event ON event_signups (event_id, state);
CREATE INDEX event_signups_user ON event_signups (user_id);

-- The feed's address is signed with the node's key over the account and this nonce; a new
-- nonce renews it (the old address stops working).
CREATE TABLE calendar_feeds (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    nonce TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
