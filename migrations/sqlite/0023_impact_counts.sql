-- The impact figures kept as counts (issue 18): each change of a referral counted under a
-- statistics consent adds to or takes from a few grouped counts in the same transaction,
-- so /impact reads thousands of rows instead of walking every referral and path step.
--
-- What each counted referral adds, kept so that a change can take exactly that back. No
-- foreign key: a referral deleted with its person is taken back by the deleting change.
CREATE TABLE impact_facts (
    referral_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    from_org TEXT NOT NULL,
    to_org TEXT NOT NULL,
    municipality TEXT NOT NULL,
    kind TEXT NOT NULL,
    quarter TEXT NOT NULL,
    until BIGINT NOT NULL,
    measures TEXT NOT NULL
);
CREATE INDEX impact_facts_until ON impact_facts (until);

-- Counts per organization ('' = all; a referral counts for its sender and its receiver),
-- municipality ('' = all), kind and quarter: `s:STATE:DETAIL`, `a:DAYS` (days to the first
-- answer), `p:FROM>TO` (a step of a path), `f:MONTHS:OUTCOME` (an answered follow-up).
CREATE TABLE impact_counts (
    org TEXT NOT NULL,
    municipality TEXT NOT NULL,
    kind TEXT NOT NULL,
    quarter TEXT NOT NULL,
    measure TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (org, municipality, kind, quarter, measure)
) WITHOUT ROWID;

-- The people counted: how many counted referrals a person has per organization ('' = all),
-- municipality, kind and quarter; a filter's distinct people are read in the key's order.
CREATE TABLE impact_people (
    org TEXT NOT NULL,
    client_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    kind TEXT NOT NULL,
    quarter TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (org, client_id, municipality, kind, quarter)
) WITHOUT ROWID;

-- One row: a lock taken by every change of the counts, and whether they were built from
-- the referrals already there (0: the next reading builds them).
CREATE TABLE impact_state (
    id INTEGER PRIMARY KEY,
    built BIGINT NOT NULL
);
INSERT INTO impact_state (id, built) VALUES (1, 0);
