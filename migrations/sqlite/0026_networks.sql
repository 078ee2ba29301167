-- Networks of organizations (issue 19): a network with its area, its member organizations
-- (an organization asks to join, a coordinator of the network accepts) and its coordinators.
CREATE TABLE networks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    municipalities TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE network_members (
    network_id TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    requested_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    requested_at BIGINT NOT NULL,
    decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at BIGINT,
    PRIMARY KEY (network_id, organization_id)
);
CREATE INDEX network_members_organization ON network_members (organization_id);

CREATE TABLE network_coordinators (
    network_id TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (network_id, user_id)
);
CREATE INDEX network_coordinators_user ON network_coordinators (user_id);
