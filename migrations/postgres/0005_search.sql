-- Search: one document per organization, service and opportunity, written by the Rust
-- analyzer (src/search). `tsv` holds the same words as SQLite's FTS5 table, as lexemes
-- with weight A (title), B (body) and D (facet tokens).
CREATE TABLE search_docs (
    doc_no BIGSERIAL PRIMARY KEY,
    doc_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    facets TEXT NOT NULL,
    points TEXT NOT NULL,
    created BIGINT NOT NULL,
    apply_by TEXT,
    tsv TSVECTOR NOT NULL
);
CREATE UNIQUE INDEX search_docs_record ON search_docs (doc_type, record_id);
CREATE INDEX search_docs_organization ON search_docs (organization_id);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);

-- Every word the index has held, numbered so that each node can catch up with new ones.
CREATE TABLE search_words (
    seq BIGSERIAL PRIMARY KEY,
    word TEXT NOT NULL UNIQUE
);
