package dev.guildhall.core.id;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnowflakesTest {

    @Test
    void theShardIsDiscordsFormula() {
        GuildId guild = GuildId.parse("197038439483310086");

        assertThat(Snowflakes.shardOf(guild, 1)).isZero();
        assertThat(Snowflakes.shardOf(guild, 4)).isEqualTo((int) ((197038439483310086L >> 22) % 4));
    }

    @Test
    void idsParseFromDiscordsStringsAndPrintBack() {
        assertThat(UserId.parse("80351110224678912").toString()).isEqualTo("80351110224678912");
        assertThatThrownBy(() -> ChannelId.parse("abc")).hasMessageContaining("channel id");
        assertThatThrownBy(() -> RoleId.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedIdsOfDifferentKindsAreNeverEqual() {
        assertThat((Object) GuildId.of(5)).isNotEqualTo(UserId.of(5));
    }
}
