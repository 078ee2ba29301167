-- The people counted per municipality ('' = all), as one number each: how many counted
-- referrals a person has there, and how many people that is, so the whole country's and
-- a municipality's figures need no walk over the people.
CREATE TABLE impact_people_municipality (
    municipality TEXT NOT NULL,
    client_id TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (municipality, client_id)
);
CREATE TABLE impact_people_counts (
    municipality TEXT PRIMARY KEY,
    n BIGINT NOT NULL
);

-- Counted again from the referrals at the next reading.
UPDATE impact_state SET built = 0 WHERE id = 1;
