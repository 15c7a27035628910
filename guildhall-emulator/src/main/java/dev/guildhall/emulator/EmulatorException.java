package dev.guildhall.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Discord-shaped REST error: HTTP status, Discord error code, message and optional per-field errors. */
final class EmulatorException extends RuntimeException {

    enum Kind { BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, INJECTED }

    record FieldError(String code, String message) {}

    final Kind kind;
    final int status;
    final int code;
    final Map<String, FieldError> fieldErrors;

    EmulatorException(Kind kind, int status, int code, String message, Map<String, FieldError> fieldErrors) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    static EmulatorException unknown(String what, int code) {
        return new EmulatorException(Kind.NOT_FOUND, 404, code, "Unknown " + what, Map.of());
    }

    static EmulatorException unknownGuild() { return unknown("Guild", 10004); }
    static EmulatorException unknownChannel() { return unknown("Channel", 10003); }
    static EmulatorException unknownRole() { return unknown("Role", 10011); }
    static EmulatorException unknownMember() { return unknown("Member", 10007); }
    static EmulatorException unknownMessage() { return unknown("Message", 10008); }
    static EmulatorException unknownCommand() { return unknown("application command", 10063); }
    static EmulatorException unknownInteraction() { return unknown("interaction", 10062); }
    static EmulatorException unknownWebhook() { return unknown("Webhook", 10015); }
    static EmulatorException unknownEmoji() { return unknown("Emoji", 10014); }

    static EmulatorException badRequest(int code, String message) {
        return new EmulatorException(Kind.BAD_REQUEST, 400, code, message, Map.of());
    }

    static EmulatorException unauthorized() {
        return new EmulatorException(Kind.UNAUTHORIZED, 401, 0, "401: Unauthorized", Map.of());
    }

    /** Collects field errors and throws one "Invalid Form Body" (50035) if there are any. */
    static final class FormErrors {
        private final Map<String, FieldError> errors = new LinkedHashMap<>();

        FormErrors add(String field, String code, String message) {
            errors.putIfAbsent(field, new FieldError(code, message));
            return this;
        }

        FormErrors required(String field) {
            return add(field, "BASE_TYPE_REQUIRED", "This field is required");
        }

        FormErrors length(String field, int min, int max) {
            return add(field, "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new EmulatorException(Kind.BAD_REQUEST, 400, 50035, "Invalid Form Body", errors);
            }
        }
    }
}
