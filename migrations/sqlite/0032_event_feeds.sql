-- A municipality's calendar feed asks whether its events changed (count, latest change, sum
-- of SEQUENCEs, latest start) and which ones, on every poll: both read from this index alone.
DROP INDEX events_municipality;
CREATE INDEX events_municipality ON events (municipality_code, last_ends_at, starts_at, updated_at, sequence, cancelled, id);
-- A place's new name or address changes the calendar entries of the events there.
CREATE INDEX events_location ON events (location_id);
