package dev.guildhall.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreSettingsTest {
    private static final Path FALLBACK = Path.of("data", "guildhall.db");

    @Test
    void anAbsentOrBlankUrlMeansTheSqliteFile() {
        assertThat(StoreSettings.fromDatabaseUrl(null, FALLBACK)).isEqualTo(StoreSettings.sqlite(FALLBACK));
        assertThat(StoreSettings.fromDatabaseUrl("  ", FALLBACK).usesPostgres()).isFalse();
    }

    @Test
    void aPostgresUrlBecomesAJdbcUrlWithDecodedUserAndPassword() {
        StoreSettings settings = StoreSettings.fromDatabaseUrl(
                "postgres://bot%2Buser:p%40ss+w:rd@db.internal:6543/guildhall?sslmode=require", FALLBACK);

        assertThat(settings.postgresUrl()).contains("jdbc:postgresql://db.internal:6543/guildhall?sslmode=require");
        assertThat(settings.user()).contains("bot+user");
        assertThat(settings.password()).contains("p@ss+w:rd");
    }

    @Test
    void thePostgresqlSchemeWorksTooAndThePortDefaultsTo5432() {
        StoreSettings settings = StoreSettings.fromDatabaseUrl("postgresql://app@db/guildhall", FALLBACK);

        assertThat(settings.postgresUrl()).contains("jdbc:postgresql://db:5432/guildhall");
        assertThat(settings.user()).contains("app");
        assertThat(settings.password()).isEmpty();
    }

    @Test
    void aJdbcUrlIsKeptAsItIs() {
        String url = "jdbc:postgresql://db:5432/guildhall?user=app&password=secret";

        StoreSettings settings = StoreSettings.fromDatabaseUrl(url, FALLBACK);

        assertThat(settings.postgresUrl()).contains(url);
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void aJdbcSqliteUrlNamesTheFile() {
        assertThat(StoreSettings.fromDatabaseUrl("jdbc:sqlite:/var/lib/guildhall/g.db", FALLBACK))
                .isEqualTo(StoreSettings.sqlite(Path.of("/var/lib/guildhall/g.db")));
    }

    @Test
    void anUnknownSchemeIsRejectedNamingTheVariableButNotItsValue() {
        assertThatThrownBy(() -> StoreSettings.fromDatabaseUrl("mysql://root:topsecret@db/guildhall", FALLBACK))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.BAD_SETTINGS);
                    assertThat(e.getMessage()).contains("DATABASE_URL").doesNotContain("topsecret");
                });
    }

    @Test
    void aPostgresUrlWithoutDatabaseIsRejected() {
        assertThatThrownBy(() -> StoreSettings.fromDatabaseUrl("postgres://u:topsecret@db:5432/", FALLBACK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no database")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void toStringNeverShowsThePassword() {
        StoreSettings settings = StoreSettings.postgres("jdbc:postgresql://db/guildhall", "app", "hunter2");

        assertThat(settings.toString()).contains("app").doesNotContain("hunter2");
    }
}
