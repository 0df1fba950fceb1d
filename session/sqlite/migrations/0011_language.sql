-- The interface language a person chose ('en', 'pt-BR', 'es', 'it'), for participants and for
-- facilitators. A row exists only once they chose: until then their terminal's locale, then
-- the cohort's language, decide.
CREATE TABLE participant_language (
    participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
    lang           TEXT NOT NULL CHECK (lang <> '')
) STRICT;

CREATE TABLE facilitator_language (
    name TEXT PRIMARY KEY REFERENCES facilitators (name) ON DELETE CASCADE,
    lang TEXT NOT NULL CHECK (lang <> '')
) STRICT;
