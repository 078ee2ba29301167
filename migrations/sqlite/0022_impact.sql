-- Impact at national scale (issue 18): what the figures group by is kept on the referral
-- when it is made (the kind of its target, its quarter in Finnish time, the person's
-- municipality, until when its statistics consent holds), and each step of a person's path
-- between kinds (and to an outcome) is a row, so /impact groups a few columns instead of
-- walking every person's history.
ALTER TABLE referrals ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN quarter TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN municipality TEXT;
ALTER TABLE referrals ADD COLUMN statistics_consent_id TEXT REFERENCES consents (id) ON DELETE SET NULL;
ALTER TABLE referrals ADD COLUMN statistics_until BIGINT;
ALTER TABLE referrals ADD COLUMN answer_days BIGINT;
CREATE INDEX referrals_statistics ON referrals (statistics_until);
CREATE INDEX referrals_statistics_municipality ON referrals (municipality, statistics_until);
CREATE INDEX referrals_statistics_consent ON referrals (statistics_consent_id);

CREATE TABLE path_steps (
    id TEXT PRIMARY KEY,
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    from_code TEXT NOT NULL,
    to_code TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX path_steps_referral ON path_steps (referral_id);
