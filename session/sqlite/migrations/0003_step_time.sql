-- Time each participant spent on each step while connected, added up by the hub whenever a
-- participant leaves a step or disconnects.
CREATE TABLE step_time (
    cohort_id      INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    step_id        TEXT NOT NULL,
    seconds        REAL NOT NULL CHECK (seconds >= 0),
    PRIMARY KEY (cohort_id, participant_id, step_id)
) STRICT;
