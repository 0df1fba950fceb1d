-- Each participant's clock: whether their time on their current step is counting (while they
-- are connected) and since when, or when it stopped. Time up to `at` is in step_time; an
-- export adds the time since `at` of a running clock, so a report taken during a session
-- counts the step people are on now. Of two changes the later `at` wins, whatever order they
-- are stored in.
CREATE TABLE step_clocks (
    participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
    cohort_id      INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    running        INTEGER NOT NULL CHECK (running IN (0, 1))
) STRICT;

CREATE INDEX step_clocks_cohort ON step_clocks (cohort_id);
