package dev.guildhall.emulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the emulator's {@code /api/v10} as the bot would, with {@code Authorization: Bot <token>}. A checked client
 * validates every answer against Discord's spec (and every request body it is told is valid); an unchecked one is
 * for tests about side effects, so a shape mismatch found elsewhere does not hide whether an event was emitted.
 */
final class DiscordRest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI restBase;
    private final String authorization;
    private final Optional<OpenApiContract> contract;

    private DiscordRest(HttpClient http, URI restBase, String authorization, Optional<OpenApiContract> contract) {
        this.http = http;
        this.restBase = restBase;
        this.authorization = authorization;
        this.contract = contract;
    }

    static DiscordRest checked(URI restBase, String botToken) {
        return new DiscordRest(HttpClient.newHttpClient(), restBase, "Bot " + botToken,
                Optional.of(OpenApiContract.discord()));
    }

    DiscordRest unchecked() {
        return new DiscordRest(http, restBase, authorization, Optional.empty());
    }

    DiscordRest withToken(String botToken) {
        return new DiscordRest(http, restBase, "Bot " + botToken, contract);
    }

    /** A status and a parsed JSON body (null when the body was empty). */
    record Reply(String method, String route, int status, JsonNode body) {
        Reply expect(int expected) {
            assertThat(status).as("%s %s status; body %s", method, route, body).isEqualTo(expected);
            return this;
        }

        String id() {
            assertThat(body).as("%s %s body", method, route).isNotNull();
            return body.path("id").asText();
        }

        long idAsLong() {
            return Long.parseLong(id());
        }
    }

    Reply get(String route, Object... params) {
        return send("GET", route, "", null, true, params);
    }

    Reply delete(String route, Object... params) {
        return send("DELETE", route, "", null, true, params);
    }

    Reply put(String route, Object... params) {
        return send("PUT", route, "", null, true, params);
    }

    Reply post(String route, JsonNode body, Object... params) {
        return send("POST", route, "", body, true, params);
    }

    Reply patch(String route, JsonNode body, Object... params) {
        return send("PATCH", route, "", body, true, params);
    }

    Reply put(String route, JsonNode body, Object... params) {
        return send("PUT", route, "", body, true, params);
    }

    /** Sends with a query string ({@code with_response=true}), body validated as a request first. */
    Reply withQuery(String method, String route, String query, JsonNode body, Object... params) {
        return send(method, route, query, body, true, params);
    }

    /** Sends a body Discord would reject; only the answer is checked against the spec. */
    Reply sendInvalid(String method, String route, JsonNode body, Object... params) {
        return send(method, route, "", body, false, params);
    }

    private Reply send(String method, String route, String query, JsonNode body, boolean bodyIsValid,
            Object... params) {
        if (body != null && bodyIsValid) {
            contract.ifPresent(c -> c.assertRequest(method, route, body));
        }
        String path = expand(route, params);
        URI uri = restBase.resolve(path.substring(1) + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("User-Agent", "DiscordBot (https://guildhall.dev, 0.1) contract-test");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + route + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during " + method + " " + route, e);
        }
        JsonNode parsed = parse(method, route, response);
        Reply reply = new Reply(method.toUpperCase(Locale.ROOT), route, response.statusCode(), parsed);
        contract.ifPresent(c -> c.assertResponse(method, route, reply.status(), parsed));
        return reply;
    }

    private static JsonNode parse(String method, String route, HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OpenApiContract.JSON.readTree(text);
        } catch (IOException e) {
            String contentType = response.headers().firstValue("Content-Type").orElse("none");
            throw new AssertionError(method + " " + route + " -> " + response.statusCode()
                    + " answered a body that is not JSON (Content-Type " + contentType + "): "
                    + text.substring(0, Math.min(200, text.length())));
        }
    }

    /** Fills {@code {placeholders}} in order; values are path-encoded (emoji, tokens). */
    static String expand(String route, Object... params) {
        Matcher matcher = PLACEHOLDER.matcher(route);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (matcher.find()) {
            if (next >= params.length) {
                throw new IllegalArgumentException("too few values for " + route);
            }
            String value = URLEncoder.encode(String.valueOf(params[next++]), StandardCharsets.UTF_8).replace("+", "%20");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (next != params.length) {
            throw new IllegalArgumentException("too many values for " + route);
        }
        return out.toString();
    }
}
