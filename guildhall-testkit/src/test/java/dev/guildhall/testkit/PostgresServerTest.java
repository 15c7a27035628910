package dev.guildhall.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {
    private static PostgresServer server;

    @BeforeAll
    static void launch() {
        server = PostgresServer.launch();
    }

    @AfterAll
    static void close() {
        server.close();
    }

    @Test
    void acceptsJdbcConnectionsWithItsUserAndPassword() throws SQLException {
        try (Connection connection = connect(server.jdbcUrl(), server.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database(), current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(PostgresServer.DEFAULT_DATABASE);
            assertThat(rs.getString(2)).isEqualTo(server.user());
        }
    }

    @Test
    void rejectsAWrongPassword() {
        assertThatThrownBy(() -> connect(server.jdbcUrl(), "not-the-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void createsFurtherDatabasesOnRequest() throws SQLException {
        String url = server.createDatabase("second_db");
        try (Connection connection = connect(url, server.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("second_db");
        }
    }

    @Test
    void keepsDataAcrossStopAndStartOnTheSamePort() throws SQLException {
        String url = server.createDatabase("restart_db");
        try (Connection connection = connect(url, server.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v INT)");
            statement.execute("INSERT INTO kept VALUES (42)");
        }

        server.stop();
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(() -> connect(url, server.password()).close()).isInstanceOf(SQLException.class);

        server.start();
        assertThat(readKept(url)).isEqualTo(42);

        server.kill();
        server.start();
        assertThat(readKept(url)).isEqualTo(42);
    }

    @Test
    void closeRemovesTheServerAndItsDirectory() throws SQLException {
        PostgresServer other = PostgresServer.launch();
        Path data = other.dataDirectory();
        String url = other.jdbcUrl();
        assertThat(Files.isDirectory(data)).isTrue();

        other.close();

        assertThat(data.getParent()).doesNotExist();
        assertThatThrownBy(() -> connect(url, other.password()).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(other::start).isInstanceOf(IllegalStateException.class);
    }

    private static int readKept(String url) throws SQLException {
        try (Connection connection = connect(url, server.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT v FROM kept")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, props);
    }
}
