-- The people in a cohort as a roster names them: the department or group each one comes from
-- (teams can be made by it, or mixed across it) and an address to mail their seat code to.
-- Empty for people who joined by typing a name.
ALTER TABLE participants ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN email TEXT NOT NULL DEFAULT '';
