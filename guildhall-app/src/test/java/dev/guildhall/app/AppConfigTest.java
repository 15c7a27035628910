package dev.guildhall.app;

import dev.guildhall.core.id.GuildId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {

    @Test
    void anEmptyEnvironmentMeansStandaloneSandboxWithSqliteAndDefaultAddresses() {
        AppConfig config = AppConfig.fromEnvironment(Map.of());

        assertThat(config.mode()).isEqualTo(AppConfig.Mode.STANDALONE);
        assertThat(config.discord().token()).isEmpty();
        assertThat(config.store().postgresUrl()).isEmpty();
        assertThat(config.store().sqliteFile().toString()).endsWith("guildhall.db");
        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.sandbox().port()).isEqualTo(8081);
        assertThat(config.environment()).isEqualTo("development");
    }

    @Test
    void badValuesFailNamingTheVariable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("BOT_MODE", "turbo")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("BOT_MODE");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DISCORD_GUILD_ID", "abc")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_GUILD_ID");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("METRICS_ADDRESS", "nowhere:port")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("METRICS_ADDRESS");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DISCORD_SHARDS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_SHARDS");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DISCORD_API_BASE_URL", "not a url")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_API_BASE_URL");
    }

    @Test
    void theTokenNeverAppearsInTheConfigsText() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DISCORD_TOKEN", "secret-token-value"));

        assertThat(config.toString()).doesNotContain("secret-token-value");
    }

    @Test
    void singleGuildModeAcceptsOnlyThatGuild() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DISCORD_GUILD_ID", "4194304"));
        GuildFilter filter = new GuildFilter(config.discord().devGuild());

        assertThat(config.discord().devGuild()).contains(GuildId.of(4194304));
        assertThat(filter.accepts(envelope(4194304))).isTrue();
        assertThat(filter.accepts(envelope(8388608))).isFalse();
    }

    private static dev.guildhall.core.event.Envelope envelope(long guild) {
        return new dev.guildhall.core.event.Envelope("e", GuildId.of(guild), 0, java.time.Instant.EPOCH,
                new dev.guildhall.core.event.GuildEvent.GuildLeft(), Map.of());
    }
}
