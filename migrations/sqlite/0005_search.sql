-- Search: one document per organization, service and opportunity, written by the Rust
-- analyzer (src/search). The words are stored as written (normalized), so FTS5's ascii
-- tokenizer keeps each one as one token, exactly as PostgreSQL's tsvector does.
CREATE TABLE search_docs (
    doc_no INTEGER PRIMARY KEY,
    doc_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    facets TEXT NOT NULL,
    points TEXT NOT NULL,
    created BIGINT NOT NULL,
    apply_by TEXT
);
CREATE UNIQUE INDEX search_docs_record ON search_docs (doc_type, record_id);
CREATE INDEX search_docs_organization ON search_docs (organization_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, facets, tokenize = 'ascii', detail = 'column');

-- Every word the index has held, numbered so that each node can catch up with new ones.
CREATE TABLE search_words (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    word TEXT NOT NULL UNIQUE
);
