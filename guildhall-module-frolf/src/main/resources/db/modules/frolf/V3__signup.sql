-- The signup message: reacting to it with the emoji gives the platform's Player role. One per guild; the channel is
-- the module's "signup" channel at the time it was posted, so a message in a replaced channel is posted again.
CREATE TABLE frolf_signup (
    guild_id   BIGINT NOT NULL PRIMARY KEY,
    channel_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    emoji      TEXT   NOT NULL,
    posted_at  BIGINT NOT NULL
);
