package dev.guildhall.discord;

import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordCallException.Kind;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.MissingAccessException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns what a JDA call threw into a {@link DiscordCallException}. Messages name the action and the guild and
 * Discord's error code; they never carry request URLs (interaction routes contain the token) or raw bodies.
 */
final class CallFailures {
    /** Discord's answers that mean the interaction (or its webhook token) is gone or past its 15 minutes. */
    private static final Set<ErrorResponse> EXPIRED = EnumSet.of(ErrorResponse.UNKNOWN_INTERACTION,
            ErrorResponse.UNKNOWN_WEBHOOK, ErrorResponse.INVALID_WEBHOOK_TOKEN);

    private CallFailures() {}

    /** The kind of a failed HTTP call, from its status and Discord's JSON error code. */
    static Kind kindOf(int status, ErrorResponse code) {
        if (code != null && EXPIRED.contains(code)) return Kind.INTERACTION_EXPIRED;
        if (status == 404) return Kind.NOT_FOUND;
        if (status == 401 || status == 403) return Kind.FORBIDDEN;
        if (status == 429) return Kind.RATE_LIMITED;
        if (status >= 500) return Kind.SERVER_ERROR;
        if (status >= 400) return Kind.INVALID_REQUEST;
        // No HTTP status: JDA failed before or without a response (socket error, timeout)
        return Kind.UNAVAILABLE;
    }

    static DiscordCallException translate(String what, Throwable failure) {
        if (failure instanceof DiscordCallException known) return known;
        if (failure instanceof ErrorResponseException error) {
            int status = error.getResponse() == null ? -1 : error.getResponse().code;
            Kind kind = kindOf(status, error.getErrorResponse());
            return new DiscordCallException(kind, what + " failed: HTTP " + status + ", Discord code "
                    + error.getErrorCode() + " (" + error.getErrorResponse().name() + ")", error);
        }
        if (failure instanceof InsufficientPermissionException missing) {
            return new DiscordCallException(Kind.FORBIDDEN,
                    what + " failed: the bot lacks permission " + missing.getPermission().getName(), failure);
        }
        if (failure instanceof HierarchyException || failure instanceof MissingAccessException) {
            return new DiscordCallException(Kind.FORBIDDEN, what + " failed: " + failure.getClass().getSimpleName(), failure);
        }
        if (failure instanceof RateLimitedException) {
            return new DiscordCallException(Kind.RATE_LIMITED, what + " failed: rate limited", failure);
        }
        if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
            // JDA validates requests before sending them (lengths, empty messages, ...): our request was wrong.
            // JDA's own messages describe the field, never a token.
            return new DiscordCallException(Kind.INVALID_REQUEST, what + " rejected: " + failure.getMessage(), failure);
        }
        if (failure instanceof CancellationException || failure instanceof RejectedExecutionException) {
            return new DiscordCallException(Kind.UNAVAILABLE, what + " failed: the connection is shutting down", failure);
        }
        return new DiscordCallException(Kind.UNAVAILABLE,
                what + " failed: " + failure.getClass().getSimpleName(), failure);
    }
}
