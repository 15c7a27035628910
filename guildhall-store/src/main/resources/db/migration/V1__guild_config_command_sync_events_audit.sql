-- One script set for SQLite and PostgreSQL, so only portable SQL:
--   * ids are BIGINT: Discord snowflakes fit a signed 64-bit integer until 2084;
--   * timestamps are BIGINT milliseconds since the Unix epoch (UTC): compared and sorted the same way by both
--     databases, with no time-zone or text-format differences;
--   * structured values are JSON kept in TEXT (the application reads and writes them whole);
--   * no SERIAL / AUTOINCREMENT: where a table needs a surrogate id the application assigns it.
-- Every table of tenant data carries guild_id, and every query names it.

CREATE TABLE guild_config (
    guild_id   BIGINT NOT NULL PRIMARY KEY,
    status     TEXT   NOT NULL,
    -- settings, managed channels and roles, signup message and enabled modules, as one JSON document
    config     TEXT   NOT NULL,
    deleted_at BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX guild_config_deleted_at ON guild_config (deleted_at);

CREATE TABLE command_sync (
    guild_id     BIGINT NOT NULL PRIMARY KEY,
    command_hash TEXT   NOT NULL,
    synced_at    BIGINT NOT NULL
);

-- Idempotency: an event id recorded here was handled, and a redelivery is recognised.
CREATE TABLE processed_event (
    guild_id     BIGINT NOT NULL,
    event_id     TEXT   NOT NULL,
    processed_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

CREATE TABLE audit_log (
    id       BIGINT NOT NULL PRIMARY KEY,
    guild_id BIGINT NOT NULL,
    actor_id BIGINT,
    action   TEXT   NOT NULL,
    detail   TEXT   NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX audit_log_guild_at ON audit_log (guild_id, at);
