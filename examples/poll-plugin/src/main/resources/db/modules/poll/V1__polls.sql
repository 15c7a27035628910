-- One row per poll and one per member's vote; every row carries its guild.
CREATE TABLE poll (
    guild_id  BIGINT       NOT NULL,
    poll_id   VARCHAR(32)  NOT NULL,
    question  VARCHAR(200) NOT NULL,
    option_1  VARCHAR(80)  NOT NULL,
    option_2  VARCHAR(80)  NOT NULL,
    PRIMARY KEY (guild_id, poll_id)
);

CREATE TABLE poll_vote (
    guild_id  BIGINT      NOT NULL,
    poll_id   VARCHAR(32) NOT NULL,
    user_id   BIGINT      NOT NULL,
    choice    INTEGER     NOT NULL,
    PRIMARY KEY (guild_id, poll_id, user_id)
);
