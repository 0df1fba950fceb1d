-- What participants did, with its time: coming online (join the first time, rejoin after),
-- leaving (their last screen closed), raising and lowering a hand. Attendance per meeting is
-- computed from it when asked for; nothing is summed while people come and go.
CREATE TABLE activity (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    at             TEXT    NOT NULL,
    kind           TEXT    NOT NULL
);
CREATE INDEX activity_by_cohort ON activity (cohort_id, at);
