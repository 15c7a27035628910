-- What handling an envelope produced, kept with its id: a JSON array of strings, each one action as the bus encodes
-- it, so a redelivered envelope publishes the same actions again without running its handler twice. Portable SQL as
-- in V1; a constant default lets both databases add the column to existing rows.
ALTER TABLE processed_event ADD COLUMN actions TEXT NOT NULL DEFAULT '[]';
