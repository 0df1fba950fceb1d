-- Facilitation: the live state of a cohort (locks, timer, announcement, spotlight, votes) as
-- one JSON document, archiving, breakout teams, raised hands, and boards shared by a team or
-- pooled anonymously.

ALTER TABLE cohorts ADD COLUMN live TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(live));
ALTER TABLE cohorts ADD COLUMN archived_at TEXT; -- NULL while active

CREATE TABLE teams (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    name      TEXT NOT NULL CHECK (name <> '')
) STRICT;

CREATE INDEX teams_cohort ON teams (cohort_id, id);

-- A removed team leaves its members in no team rather than blocking the removal.
ALTER TABLE participants ADD COLUMN team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL;
ALTER TABLE participants ADD COLUMN hand TEXT CHECK (hand IS NULL OR json_valid(hand));

-- A board belongs to a step and an owner: 'team:ID' for a team's shared work, 'pool' for a
-- step's anonymous items. A pool board records no participant by design: anonymity is kept in
-- the data, not only in what is shown.
CREATE TABLE boards (
    cohort_id  INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    step_id    TEXT NOT NULL,
    owner      TEXT NOT NULL CHECK (owner = 'pool' OR owner LIKE 'team:%'),
    kind       TEXT NOT NULL,
    schema     INTEGER NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data)),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, step_id, owner)
) STRICT;
