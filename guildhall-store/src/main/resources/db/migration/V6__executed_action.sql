-- Standalone executes the actions a committed envelope stored itself; an action id recorded here was executed, so
-- delivering the same stored actions again (a retried or replayed envelope) executes none of them twice. Portable SQL
-- as in V1.
CREATE TABLE executed_action (
    guild_id    BIGINT NOT NULL,
    action_id   TEXT   NOT NULL,
    executed_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, action_id)
);
CREATE INDEX executed_action_executed_at ON executed_action (executed_at);
