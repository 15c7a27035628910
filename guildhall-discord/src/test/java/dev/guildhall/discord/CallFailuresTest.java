package dev.guildhall.discord;

import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordCallException.Kind;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class CallFailuresTest {
    @Test
    void httpStatusesMapToTheirKinds() {
        assertThat(CallFailures.kindOf(404, ErrorResponse.UNKNOWN_CHANNEL)).isEqualTo(Kind.NOT_FOUND);
        assertThat(CallFailures.kindOf(403, ErrorResponse.MISSING_PERMISSIONS)).isEqualTo(Kind.FORBIDDEN);
        assertThat(CallFailures.kindOf(429, ErrorResponse.SERVER_ERROR)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(CallFailures.kindOf(400, ErrorResponse.SERVER_ERROR)).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(CallFailures.kindOf(500, ErrorResponse.SERVER_ERROR)).isEqualTo(Kind.SERVER_ERROR);
        assertThat(CallFailures.kindOf(503, ErrorResponse.SERVER_ERROR)).isEqualTo(Kind.SERVER_ERROR);
        assertThat(CallFailures.kindOf(-1, ErrorResponse.SERVER_ERROR)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void anUnknownInteractionOrWebhookMeansTheInteractionExpired() {
        assertThat(CallFailures.kindOf(404, ErrorResponse.UNKNOWN_INTERACTION)).isEqualTo(Kind.INTERACTION_EXPIRED);
        assertThat(CallFailures.kindOf(404, ErrorResponse.UNKNOWN_WEBHOOK)).isEqualTo(Kind.INTERACTION_EXPIRED);
        assertThat(CallFailures.kindOf(401, ErrorResponse.INVALID_WEBHOOK_TOKEN)).isEqualTo(Kind.INTERACTION_EXPIRED);
    }

    @Test
    void anErrorResponseNamesTheActionStatusAndCodeButNotDiscordsText() {
        Response response = new Response(null, 500, "Internal Server Error", -1, Set.of());
        ErrorResponseException error = ErrorResponseException.create(ErrorResponse.SERVER_ERROR, response);

        DiscordCallException mapped = CallFailures.translate("CreateRole in guild 7", error);

        assertThat(mapped.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(mapped.getMessage()).startsWith("CreateRole in guild 7 failed: HTTP 500");
        assertThat(mapped.getCause()).isSameAs(error);
    }

    @Test
    void aSocketFailureIsUnavailable() {
        Response response = new Response(new IOException("connection refused"), Set.of());
        ErrorResponseException error = ErrorResponseException.create(ErrorResponse.SERVER_ERROR, response);

        assertThat(CallFailures.translate("SendMessage in guild 7", error).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void jdaRejectingTheRequestLocallyIsAnInvalidRequest() {
        DiscordCallException mapped = CallFailures.translate("Reply in guild 7",
                new IllegalArgumentException("Content may not be longer than 2000"));

        assertThat(mapped.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(mapped.getMessage()).contains("Reply in guild 7", "2000");
    }

    @Test
    void aShutDownConnectionIsUnavailableAndAKnownFailurePassesThrough() {
        assertThat(CallFailures.translate("x", new RejectedExecutionException()).kind()).isEqualTo(Kind.UNAVAILABLE);
        DiscordCallException known = new DiscordCallException(Kind.NOT_FOUND, "gone");
        assertThat(CallFailures.translate("x", known)).isSameAs(known);
    }
}
