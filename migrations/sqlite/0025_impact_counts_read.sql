-- (PostgreSQL gets an index to read impact_counts from; SQLite keeps that table in its key's
-- order already, WITHOUT ROWID.)
SELECT 1;
