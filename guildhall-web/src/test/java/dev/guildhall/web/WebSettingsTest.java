package dev.guildhall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebSettingsTest {

    @Test
    void portAloneListensOnEveryInterface() {
        assertThat(WebSettings.parse(":8080")).isEqualTo(new WebSettings("0.0.0.0", 8080));
    }

    @Test
    void hostAndPortAreBothKept() {
        assertThat(WebSettings.parse("0.0.0.0:8080")).isEqualTo(new WebSettings("0.0.0.0", 8080));
        assertThat(WebSettings.parse("127.0.0.1:0")).isEqualTo(new WebSettings("127.0.0.1", 0));
        assertThat(WebSettings.parse("localhost:9090")).isEqualTo(new WebSettings("localhost", 9090));
        assertThat(WebSettings.parse(" :8080 ")).isEqualTo(new WebSettings("0.0.0.0", 8080));
    }

    @Test
    void bracketedIpv6HostIsUnwrapped() {
        assertThat(WebSettings.parse("[::1]:8080")).isEqualTo(new WebSettings("::1", 8080));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"8080", "localhost", ":", "host:", ":http", ":-1", ":65536", ":123456", "::1:8080",
            "my host:80", ":80 80", "localhost:8080x"})
    void malformedAddressIsRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> WebSettings.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("METRICS_ADDRESS");
    }

    @Test
    void constructorRejectsOutOfRangePort() {
        assertThatThrownBy(() -> new WebSettings("0.0.0.0", 70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("METRICS_ADDRESS");
    }
}
