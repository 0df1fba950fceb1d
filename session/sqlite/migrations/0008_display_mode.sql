-- How a participant wants their screen: 'plain' for the line-by-line mode a screen reader
-- follows, '' for the full screen. A row exists only once the participant chose.
CREATE TABLE participant_display (
    participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    mode TEXT NOT NULL
);
