-- Whether a participant is connected now: the time their first open screen opened, NULL while
-- they have none. The server clears it when it starts, since no one is connected to a server
-- that has just started.
ALTER TABLE participants ADD COLUMN online_since TEXT;
