-- The translations of a cohort's module, pinned with it when the cohort is created: one module
-- version per language besides the one in cohorts.module_hash, so a running cohort keeps its
-- exact texts in every language after the files are edited or removed. A cohort created before
-- this has none and is read in its module's own language.
CREATE TABLE cohort_translations (
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    language    TEXT NOT NULL CHECK (language <> ''),
    module_hash TEXT NOT NULL REFERENCES module_versions (hash),
    PRIMARY KEY (cohort_id, language)
) STRICT;
