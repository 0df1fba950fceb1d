-- Initial schema. Every table is STRICT so a wrong type is an error instead of a silent
-- conversion. Times are UTC text in a fixed-width RFC 3339 form with nanoseconds
-- (2006-01-02T15:04:05.000000000Z): it round-trips exactly, sorts in time order as text and
-- stays readable in the sqlite3 shell.

-- People allowed to run cohorts, known by a registered SSH key.
CREATE TABLE facilitators (
    name        TEXT NOT NULL PRIMARY KEY CHECK (name <> ''),
    fingerprint TEXT NOT NULL UNIQUE CHECK (fingerprint <> ''),
    public_key  TEXT NOT NULL,
    added_at    TEXT NOT NULL
) STRICT;

-- The exact source of every module version a cohort was started on, so a cohort keeps working
-- on the version it began with after the module is edited. Keyed by content hash.
CREATE TABLE module_versions (
    hash      TEXT NOT NULL PRIMARY KEY CHECK (hash <> ''),
    module_id TEXT NOT NULL,
    source    BLOB NOT NULL,
    saved_at  TEXT NOT NULL
) STRICT;

-- AUTOINCREMENT keeps ids of deleted cohorts from being handed out again, because ids appear in
-- logs and links.
CREATE TABLE cohorts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL UNIQUE CHECK (code <> ''), -- join code, stored normalised
    name        TEXT NOT NULL,
    module_id   TEXT NOT NULL,
    module_hash TEXT NOT NULL REFERENCES module_versions (hash),
    pace        TEXT NOT NULL CHECK (pace IN ('led', 'self')),
    step        INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX cohorts_created_at ON cohorts (created_at);
CREATE INDEX cohorts_module_hash ON cohorts (module_hash);

-- A key-holding participant has a fingerprint and no rejoin code; a keyless one the reverse.
-- Empty values are stored as NULL: NULLs never collide in a UNIQUE constraint, so any number
-- of keyless participants share a cohort and any number of key holders lack a rejoin code.
CREATE TABLE participants (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    fingerprint TEXT CHECK (fingerprint <> ''),
    rejoin_code TEXT UNIQUE CHECK (rejoin_code <> ''), -- stored normalised
    step        INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0),
    joined_at   TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    -- One participant per key per cohort; the same key may join other cohorts. Also serves
    -- lookups of a cohort's participants.
    UNIQUE (cohort_id, fingerprint),
    -- Target of the artifacts foreign key, which checks the participant is in the cohort.
    UNIQUE (id, cohort_id)
) STRICT;

-- Finds where a returning key holder was last, across cohorts.
CREATE INDEX participants_fingerprint_seen ON participants (fingerprint, last_seen)
    WHERE fingerprint IS NOT NULL;

-- One row per (cohort, step, participant); saving again replaces it. Data is JSON text so it
-- can be inspected with the JSON functions.
CREATE TABLE artifacts (
    cohort_id      INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    step_id        TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    schema         INTEGER NOT NULL,
    data           TEXT NOT NULL CHECK (data = '' OR json_valid(data)),
    status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    updated_at     TEXT NOT NULL,
    submitted_at   TEXT, -- NULL until submitted
    PRIMARY KEY (cohort_id, step_id, participant_id),
    FOREIGN KEY (participant_id, cohort_id) REFERENCES participants (id, cohort_id) ON DELETE CASCADE
) STRICT;

CREATE INDEX artifacts_participant ON artifacts (participant_id, cohort_id);

-- The facilitation timeline of each cohort, append only.
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX events_cohort_at ON events (cohort_id, at, id);
