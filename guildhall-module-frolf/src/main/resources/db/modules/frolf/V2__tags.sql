-- The disc golf tag leaderboard and seasons. Portable SQL as in the platform's V1: BIGINT ids and epoch-millisecond times, no
-- auto-increment (the application numbers rows per guild as the highest plus one, and primary keys refuse a race).
--
-- Tags are never edited in place: frolf_tag_holder is the fold of frolf_tag_ledger (claims, accepted swaps and
-- finalized singles rounds, in the order they first happened). An editor's override replaces a round's rows in
-- frolf_tag_result and the holders are folded again, so a round never moves tags twice.

CREATE TABLE IF NOT EXISTS frolf_tag_holder (
    guild_id  BIGINT  NOT NULL,
    tag       INTEGER NOT NULL,
    player_id BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, tag)
);
CREATE UNIQUE INDEX IF NOT EXISTS frolf_tag_holder_player ON frolf_tag_holder (guild_id, player_id);

CREATE TABLE IF NOT EXISTS frolf_tag_ledger (
    guild_id  BIGINT  NOT NULL,
    seq       BIGINT  NOT NULL,
    -- CLAIM or SWAP (player_id takes tag), or ROUND (round_id's results in frolf_tag_result)
    kind      TEXT    NOT NULL,
    player_id BIGINT,
    tag       INTEGER,
    round_id  BIGINT,
    at        BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, seq)
);
-- One ledger entry per round: NULL round ids (claims, swaps) are distinct to both databases.
CREATE UNIQUE INDEX IF NOT EXISTS frolf_tag_ledger_round ON frolf_tag_ledger (guild_id, round_id);

CREATE TABLE IF NOT EXISTS frolf_tag_result (
    guild_id     BIGINT  NOT NULL,
    round_id     BIGINT  NOT NULL,
    player_id    BIGINT  NOT NULL,
    -- NULL: did not finish
    score        INTEGER,
    finalized_at BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, round_id, player_id)
);

CREATE TABLE IF NOT EXISTS frolf_tag_history (
    guild_id  BIGINT  NOT NULL,
    seq       BIGINT  NOT NULL,
    player_id BIGINT  NOT NULL,
    from_tag  INTEGER,
    to_tag    INTEGER,
    -- CLAIM, SWAP or ROUND
    reason    TEXT    NOT NULL,
    round_id  BIGINT,
    at        BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, seq)
);

CREATE TABLE IF NOT EXISTS frolf_tag_swap (
    guild_id     BIGINT  NOT NULL,
    swap_id      BIGINT  NOT NULL,
    requester_id BIGINT  NOT NULL,
    holder_id    BIGINT  NOT NULL,
    tag          INTEGER NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    -- PENDING, ACCEPTED, DECLINED, EXPIRED or CANCELLED
    status       TEXT    NOT NULL,
    channel_id   BIGINT,
    message_id   BIGINT,
    PRIMARY KEY (guild_id, swap_id)
);
CREATE INDEX IF NOT EXISTS frolf_tag_swap_requester ON frolf_tag_swap (guild_id, requester_id, status);

CREATE TABLE IF NOT EXISTS frolf_leaderboard_message (
    guild_id   BIGINT NOT NULL PRIMARY KEY,
    channel_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS frolf_season (
    guild_id   BIGINT NOT NULL,
    season_id  BIGINT NOT NULL,
    name       TEXT   NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at   BIGINT,
    PRIMARY KEY (guild_id, season_id)
);
-- At most one active season per guild, enforced by the database too.
CREATE UNIQUE INDEX IF NOT EXISTS frolf_season_active ON frolf_season (guild_id) WHERE ended_at IS NULL;

CREATE TABLE IF NOT EXISTS frolf_season_best_tag (
    guild_id  BIGINT  NOT NULL,
    season_id BIGINT  NOT NULL,
    player_id BIGINT  NOT NULL,
    best_tag  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, season_id, player_id)
);

-- Points one round gave one player in a season; a row also counts the round as played. Replaced, never added to.
CREATE TABLE IF NOT EXISTS frolf_season_points (
    guild_id  BIGINT  NOT NULL,
    season_id BIGINT  NOT NULL,
    round_id  BIGINT  NOT NULL,
    player_id BIGINT  NOT NULL,
    points    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, season_id, round_id, player_id)
);
