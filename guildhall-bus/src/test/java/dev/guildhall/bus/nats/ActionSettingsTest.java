package dev.guildhall.bus.nats;

import dev.guildhall.core.id.GuildId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionSettingsTest {

    @Test
    void defaultsToATenSecondRequestTimeout() {
        assertThat(ActionSettings.of("production", 2).requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aGuildsShardFollowsDiscordsRule() {
        ActionSettings settings = ActionSettings.of("production", 4);
        long id = 197_038_439_483_310_086L;

        assertThat(settings.shardOf(GuildId.of(id))).isEqualTo((int) ((id >> 22) % 4));
        assertThat(ActionSettings.of("production", 1).shardOf(GuildId.of(id))).isZero();
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ActionSettings.of("prod.eu", 1)).hasMessageContaining("environment");
        assertThatThrownBy(() -> ActionSettings.of("", 1)).hasMessageContaining("environment");
        assertThatThrownBy(() -> ActionSettings.of("production", 0)).hasMessageContaining("shardsTotal");
        assertThatThrownBy(() -> ActionSettings.of("production", 1).withRequestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void everyNameCarriesTheEnvironment() {
        Topology topology = ActionSettings.of("staging", 2).topology();

        assertThat(topology.outboundStream()).isEqualTo("gh_staging_out");
        assertThat(topology.outboundSubject(1, GuildId.of(42L))).isEqualTo("gh.staging.out.1.42");
        assertThat(topology.outboundConsumer()).isEqualTo("gh_staging_out_gateway");
        assertThat(topology.actionRequestSubject(1)).isEqualTo("gh.staging.act.1");
        assertThat(topology.guildRequestSubject(0)).isEqualTo("gh.staging.guild.0");
        assertThat(topology.gatewayQueue()).isEqualTo("gh_staging_gateways");
        assertThat(topology.actionLedgerBucket()).isEqualTo("gh_staging_actions");
        assertThat(topology.cacheInvalidationSubject()).isEqualTo("gh.staging.cache.guild");
        assertThat(topology.modulesSubject()).isEqualTo("gh.staging.modules");
    }

    @Test
    void ledgerKeysUseOnlyCharactersNatsKvAllows() {
        assertThat(ActionLedger.key("1234:interaction/7 ✓")).matches("[-/_=.a-zA-Z0-9]+");
    }
}
