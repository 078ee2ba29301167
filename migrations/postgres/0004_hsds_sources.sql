-- The HSDS documents records were imported from, as they came: fields of the specification
-- we do not model (alternate names, programs, detailed schedules, ...) travel on from here
-- in our own HSDS documents, so an import and an export together lose nothing.
CREATE TABLE hsds_sources (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
