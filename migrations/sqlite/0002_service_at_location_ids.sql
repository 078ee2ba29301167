-- Stable ids for HSDS service_at_location records: one per service and location, and one per
-- opportunity that has a location (opportunities travel as HSDS services).
ALTER TABLE service_locations ADD COLUMN id TEXT;
CREATE UNIQUE INDEX service_locations_id ON service_locations (id);
ALTER TABLE opportunities ADD COLUMN location_link_id TEXT;
CREATE UNIQUE INDEX opportunities_location_link_id ON opportunities (location_link_id);
