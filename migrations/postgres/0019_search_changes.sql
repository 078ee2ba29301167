-- Which organizations' search documents were replaced, numbered, so that every node's search
-- index in memory (issue 15) catches up with what changed. Written in the same transaction as
-- the documents, after the change counter's row lock, so numbers commit in order. Old rows
-- are dropped; `pruned` is the newest number dropped (a node behind it loads everything).
CREATE TABLE search_changes (
    seq BIGSERIAL PRIMARY KEY,
    organization_id TEXT NOT NULL
);
ALTER TABLE search_generation ADD COLUMN pruned BIGINT NOT NULL DEFAULT 0;
