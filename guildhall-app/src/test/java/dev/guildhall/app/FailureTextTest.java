package dev.guildhall.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTextTest {

    @Test
    void theMessageChainReadsAsSentencesWithoutClassNames() {
        Exception failure = new UncheckedIOException("could not connect to NATS at nats://nats:4222",
                new IOException("IOException: Unable to connect to NATS servers: nats://nats:4222."));

        assertThat(FailureText.of(failure)).isEqualTo(
                "Could not connect to NATS at nats://nats:4222. Unable to connect to NATS servers: nats://nats:4222.");
    }

    @Test
    void aWrapperThatOnlyRepeatsItsCauseSaysItOnce() {
        IllegalStateException cause = new IllegalStateException("the database is unreachable");

        assertThat(FailureText.of(new RuntimeException(cause))).isEqualTo("The database is unreachable.");
    }

    @Test
    void credentialsInAMessageAreLeftOut() {
        Exception failure = new IllegalArgumentException(
                "cannot open postgres://gh:s3cret@db:5432/guildhall nor jdbc:postgresql://db/guildhall?user=gh&password=s3cret");

        assertThat(FailureText.of(failure)).doesNotContain("s3cret").contains("postgres://db:5432/guildhall");
    }

    @Test
    void aFailureWithNoMessageAtAllStillSaysSomething() {
        assertThat(FailureText.of(new NullPointerException())).isEqualTo(FailureText.UNEXPLAINED);
    }
}
