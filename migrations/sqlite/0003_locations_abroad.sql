-- Locations from other HSDS systems: an address abroad (country, city, free-form postal code,
-- no Finnish municipality) and locations that belong to no organization we know.
-- SQLite cannot drop NOT NULL in place, so the table is rebuilt. sqlx runs every migration
-- in a transaction, where foreign keys cannot be switched off, so dropping the old table
-- fires its ON DELETE actions: the rows that point at locations are kept aside and restored.
CREATE TEMP TABLE kept_service_locations AS SELECT * FROM service_locations;
CREATE TEMP TABLE kept_opportunity_locations AS
    SELECT id, location_id FROM opportunities WHERE location_id IS NOT NULL;
CREATE TABLE locations_new (
    id TEXT PRIMARY KEY,
    organization_id TEXT REFERENCES organizations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    municipality_code TEXT,
    latitude REAL,
    longitude REAL,
    accessibility TEXT,
    country TEXT NOT NULL DEFAULT 'FI',
    city TEXT
);
INSERT INTO locations_new (id, organization_id, name, street, postal_code, municipality_code,
                           latitude, longitude, accessibility)
    SELECT id, organization_id, name, street, postal_code, municipality_code,
           latitude, longitude, accessibility FROM locations;
DROP TABLE locations;
ALTER TABLE locations_new RENAME TO locations;
CREATE INDEX locations_organization ON locations (organization_id);
CREATE INDEX locations_municipality ON locations (municipality_code);
INSERT INTO service_locations SELECT * FROM kept_service_locations;
UPDATE opportunities
   SET location_id = (SELECT k.location_id FROM kept_opportunity_locations k
                       WHERE k.id = opportunities.id)
 WHERE id IN (SELECT id FROM kept_opportunity_locations);
DROP TABLE kept_service_locations;
DROP TABLE kept_opportunity_locations;
