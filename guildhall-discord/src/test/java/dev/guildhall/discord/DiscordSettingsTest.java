package dev.guildhall.discord;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscordSettingsTest {
    private static final URI REST = URI.create("http://127.0.0.1:9000/api/v10");
    private static final URI GATEWAY = URI.create("ws://127.0.0.1:9000/gateway");

    @Test
    void realDiscordHasNoCustomUrlsAndOneShard() {
        DiscordSettings settings = DiscordSettings.discord("secret-token");

        assertThat(settings.isCustomDiscord()).isFalse();
        assertThat(settings.shardsTotal()).isEqualTo(1);
    }

    @Test
    void toStringNeverShowsTheToken() {
        DiscordSettings settings = DiscordSettings.emulator("secret-token", REST, GATEWAY).withShardsTotal(2);

        assertThat(settings.toString()).doesNotContain("secret-token").contains("shardsTotal=2", "127.0.0.1:9000");
    }

    @Test
    void restBaseUrlGetsTheTrailingSlashJdaAppendsRoutesTo() {
        assertThat(DiscordSettings.emulator("t", REST, GATEWAY).restBaseUrlText())
                .isEqualTo("http://127.0.0.1:9000/api/v10/");
    }

    @Test
    void rejectsAMissingTokenAndAShardCountBelowOne() {
        assertThatThrownBy(() -> DiscordSettings.discord(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscordSettings.discord("t").withShardsTotal(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interactionsAreDeferredAfterTwoAndAHalfSecondsUnlessConfiguredInsideDiscordsThree() {
        assertThat(DiscordSettings.discord("t").autoDefer()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(DiscordSettings.emulator("t", REST, GATEWAY).withAutoDefer(java.time.Duration.ofSeconds(1))
                .withShardsTotal(2).autoDefer()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThatThrownBy(() -> DiscordSettings.discord("t").withAutoDefer(java.time.Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autoDefer");
        assertThatThrownBy(() -> DiscordSettings.discord("t").withAutoDefer(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
