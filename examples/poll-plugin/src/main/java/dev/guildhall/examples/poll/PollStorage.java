package dev.guildhall.examples.poll;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The poll module's tables, in plain JDBC on the platform's database. While an event is handled the data source hands
 * out that event's transaction, so nothing here commits or rolls back; every statement is scoped by the guild.
 */
final class PollStorage {
    record Poll(String id, String question, String option1, String option2) {}

    record Tally(int option1, int option2) {}

    private final DataSource database;

    PollStorage(DataSource database) {
        this.database = database;
    }

    void create(GuildId guild, Poll poll) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO poll (guild_id, poll_id, question, option_1, option_2) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, guild.value());
            insert.setString(2, poll.id());
            insert.setString(3, poll.question());
            insert.setString(4, poll.option1());
            insert.setString(5, poll.option2());
            insert.executeUpdate();
        }
    }

    Optional<Poll> find(GuildId guild, String pollId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT question, option_1, option_2 FROM poll WHERE guild_id = ? AND poll_id = ?")) {
            select.setLong(1, guild.value());
            select.setString(2, pollId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Poll(pollId, rows.getString(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Records the member's choice; voting again changes it (one vote per member). */
    void vote(GuildId guild, String pollId, UserId user, int choice) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO poll_vote (guild_id, poll_id, user_id, choice) VALUES (?, ?, ?, ?)
                     ON CONFLICT (guild_id, poll_id, user_id) DO UPDATE SET choice = excluded.choice""")) {
            upsert.setLong(1, guild.value());
            upsert.setString(2, pollId);
            upsert.setLong(3, user.value());
            upsert.setInt(4, choice);
            upsert.executeUpdate();
        }
    }

    Tally tally(GuildId guild, String pollId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement count = connection.prepareStatement("""
                     SELECT SUM(CASE WHEN choice = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN choice = 2 THEN 1 ELSE 0 END)
                     FROM poll_vote WHERE guild_id = ? AND poll_id = ?""")) {
            count.setLong(1, guild.value());
            count.setString(2, pollId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return new Tally(rows.getInt(1), rows.getInt(2));
            }
        }
    }

    void purge(GuildId guild) throws SQLException {
        try (Connection connection = database.getConnection()) {
            for (String table : List.of("poll_vote", "poll")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE guild_id = ?")) {
                    delete.setLong(1, guild.value());
                    delete.executeUpdate();
                }
            }
        }
    }
}
