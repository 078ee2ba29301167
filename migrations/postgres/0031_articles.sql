-- The knowledge bank (issue 19): articles written by organizations, in Markdown, under a
-- licence; every saved text kept as a version (who changed what, for the diff). Lists are
-- JSON; `title_lower` sorts. Who wrote or changed one is an account id, let go with the
-- account (the organizations stay as the authors).
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source_key TEXT UNIQUE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    title_lower TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    authors TEXT NOT NULL,
    topics TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    licence TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX articles_updated ON articles (updated_at);
CREATE TABLE article_versions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    changed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    changed_for TEXT,
    note TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, version)
);
