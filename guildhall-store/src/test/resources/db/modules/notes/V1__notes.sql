-- A module's own table, for the store's tests of module migrations and of module adapters joining an envelope's
-- transaction.
CREATE TABLE notes_entry (
    guild_id BIGINT NOT NULL,
    note     TEXT   NOT NULL
);
