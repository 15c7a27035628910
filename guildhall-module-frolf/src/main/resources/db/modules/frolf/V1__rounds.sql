-- The frolf module's own migrations (history table flyway_module_frolf). Written as "IF NOT EXISTS" because
-- databases made before modules kept their own migrations already hold these tables, from the platform's V3 and V4.
-- Disc golf rounds and their participants. Portable SQL as in the platform's V1: BIGINT ids and epoch-millisecond times.
-- round_id numbers a guild's rounds from 1; the application assigns it as the guild's highest plus one, and the
-- primary key refuses a second round with the same number should two writers ever race.

CREATE TABLE IF NOT EXISTS frolf_round (
    guild_id           BIGINT  NOT NULL,
    round_id           BIGINT  NOT NULL,
    title              TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    location           TEXT    NOT NULL,
    start_at           BIGINT  NOT NULL,
    creator_id         BIGINT  NOT NULL,
    -- SCHEDULED, IN_PROGRESS or FINALIZED
    status             TEXT    NOT NULL,
    channel_id         BIGINT  NOT NULL,
    message_id         BIGINT,
    thread_id          BIGINT,
    scheduled_event_id BIGINT,
    reminded_at        BIGINT,
    finalized_at       BIGINT,
    created_at         BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, round_id)
);
CREATE INDEX IF NOT EXISTS frolf_round_guild_status ON frolf_round (guild_id, status);

CREATE TABLE IF NOT EXISTS frolf_round_participant (
    guild_id     BIGINT  NOT NULL,
    round_id     BIGINT  NOT NULL,
    user_id      BIGINT  NOT NULL,
    -- ACCEPTED, TENTATIVE or DECLINED
    rsvp         TEXT    NOT NULL,
    -- strokes relative to par; NULL until entered, or when the player did not finish
    score        INTEGER,
    responded_at BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, round_id, user_id),
    FOREIGN KEY (guild_id, round_id) REFERENCES frolf_round (guild_id, round_id) ON DELETE CASCADE
);
