-- The crash probe's own tables (tests only). No keys on n on purpose: a command or timer handled twice shows as two
-- rows, one handled halfway as a row in one table and not the other.
CREATE TABLE crash_probe_order (
    guild_id BIGINT NOT NULL,
    n        BIGINT NOT NULL
);
CREATE TABLE crash_probe_receipt (
    guild_id BIGINT NOT NULL,
    n        BIGINT NOT NULL
);
CREATE TABLE crash_probe_timer (
    guild_id BIGINT NOT NULL,
    n        BIGINT NOT NULL,
    fired_at BIGINT NOT NULL
);
