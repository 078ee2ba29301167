-- A counter that every change of the search documents raises, in the same transaction. Each
-- node reads it before a search: while it is unchanged, cached results are still right.
CREATE TABLE search_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO search_generation (id, generation) VALUES (1, 0);
