-- Direct messages from a facilitator to one participant, shown on that participant's screen
-- until they dismiss it (dismissed_at set), and the facilitators' own notes on each step of a
-- cohort, which only facilitators and exports read.
CREATE TABLE messages (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    sender         TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    dismissed_at   TEXT
);
CREATE INDEX messages_by_cohort ON messages (cohort_id, id);

CREATE TABLE step_notes (
    id        INTEGER PRIMARY KEY,
    cohort_id INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    step_id   TEXT    NOT NULL,
    author    TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    at        TEXT    NOT NULL
);
CREATE INDEX step_notes_by_cohort ON step_notes (cohort_id, id);
