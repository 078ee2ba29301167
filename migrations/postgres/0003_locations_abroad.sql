-- Locations from other HSDS systems: an address abroad (country, city, free-form postal code,
-- no Finnish municipality) and locations that belong to no organization we know.
ALTER TABLE locations ALTER COLUMN organization_id DROP NOT NULL;
ALTER TABLE locations ALTER COLUMN municipality_code DROP NOT NULL;
ALTER TABLE locations ADD COLUMN country TEXT NOT NULL DEFAULT 'FI';
ALTER TABLE locations ADD COLUMN city TEXT;
