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
    void pluginJarsComeFromModulesDirAndTheOperatorTokenIsNeverPrinted() {
        AppConfig defaults = AppConfig.fromEnvironment(Map.of());
        assertThat(defaults.plugins().modulesDir()).isEqualTo(java.nio.file.Path.of("modules"));
        assertThat(defaults.plugins().operatorToken()).isEmpty();

        AppConfig set = AppConfig.fromEnvironment(Map.of("MODULES_DIR", "/opt/guildhall/plugins",
                "OPERATOR_TOKEN", "s3cret-token"));
        assertThat(set.plugins().modulesDir()).isEqualTo(java.nio.file.Path.of("/opt/guildhall/plugins"));
        assertThat(set.plugins().operatorToken()).contains("s3cret-token");
        assertThat(set.toString()).doesNotContain("s3cret-token");
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

    @Test
    void distributedModesReadTheBusSettingsWithDefaults() {
        AppConfig worker = AppConfig.fromEnvironment(Map.of("BOT_MODE", "worker"));
        AppConfig gateway = AppConfig.fromEnvironment(Map.of("BOT_MODE", "Gateway", "NATS_URL", "nats://10.0.0.5:4222",
                "BUS_PARTITIONS", "32", "GATEWAY_BUFFER_SIZE", "1000", "INTERACTION_DEFER_MS", "2000"));

        assertThat(worker.mode()).isEqualTo(AppConfig.Mode.WORKER);
        assertThat(worker.bus().natsUrl()).isEqualTo("nats://127.0.0.1:4222");
        assertThat(worker.bus().partitions()).isEqualTo(16);
        assertThat(worker.bus().maxDeliveries()).isEqualTo(5);
        assertThat(worker.bus().ackWait()).hasSeconds(30);
        assertThat(worker.bus().interactionDeferAfter()).hasMillis(2500);
        assertThat(gateway.mode()).isEqualTo(AppConfig.Mode.GATEWAY);
        assertThat(gateway.bus().partitions()).isEqualTo(32);
        assertThat(gateway.bus().gatewayBuffer()).isEqualTo(1000);
        assertThat(gateway.bus().interactionDeferAfter()).hasMillis(2000);
    }

    @Test
    void badBusValuesFailNamingTheVariable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("BUS_PARTITIONS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("BUS_PARTITIONS");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("INTERACTION_DEFER_MS", "3000")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INTERACTION_DEFER_MS");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("ENVIRONMENT", "prod.eu")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("ENVIRONMENT");
    }

    @Test
    void productionIsSaidByEnvironmentProductionOrAPostgresDatabase() {
        assertThat(AppConfig.fromEnvironment(Map.of()).productionSign()).isEmpty();
        assertThat(AppConfig.fromEnvironment(Map.of("ENVIRONMENT", "staging")).productionSign()).isEmpty();
        assertThat(AppConfig.fromEnvironment(Map.of("ENVIRONMENT", "production")).productionSign())
                .contains("ENVIRONMENT=production");
        assertThat(AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://gh:pw@db:5432/guildhall"))
                .productionSign()).contains("DATABASE_URL is set");
    }

    @Test
    void natsCredentialsNeverAppearInTheConfigsText() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("NATS_URL", "nats://bot:hunter2@nats.internal:4222"));

        assertThat(config.toString()).doesNotContain("hunter2").contains("nats://nats.internal:4222");
        assertThat(config.bus().natsAddress()).isEqualTo("nats://nats.internal:4222");
    }

    private static dev.guildhall.core.event.Envelope envelope(long guild) {
        return new dev.guildhall.core.event.Envelope("e", GuildId.of(guild), 0, java.time.Instant.EPOCH,
                new dev.guildhall.core.event.GuildEvent.GuildLeft(), Map.of());
    }
}
