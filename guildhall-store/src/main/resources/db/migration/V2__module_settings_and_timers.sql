-- Per-guild module settings and durable timers. Portable SQL as in V1.

-- Only what a guild changed is stored: a JSON object of key -> scalar, overlaid on the module's defaults from code,
-- so a module's new default reaches every guild that never touched that key.
CREATE TABLE module_settings (
    guild_id      BIGINT NOT NULL,
    module_id     TEXT   NOT NULL,
    settings_json TEXT   NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (guild_id, module_id)
);

-- db-scheduler's table, in the columns its JDBC repository reads and writes. The one exception to "times are BIGINT
-- millis": db-scheduler binds times itself. TIMESTAMPTZ is PostgreSQL's timestamp with time zone (db-scheduler's
-- PostgreSQL mode writes OffsetDateTime); on SQLite the name only gives numeric affinity and db-scheduler's SQLite
-- mode binds java.sql.Timestamp, which sqlite-jdbc stores as epoch milliseconds, so "execution_time <= ?" compares
-- numbers. task_instance is "guild|name|key" of a Guildhall timer; it is the tenant column of this table.
CREATE TABLE scheduled_tasks (
    task_name            TEXT        NOT NULL,
    task_instance        TEXT        NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN     NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT      NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
