package dev.guildhall.modules.frolf.rounds;

/** A round request that cannot go ahead; the message is fit to show the member, naming the field when there is one. */
final class RoundException extends RuntimeException {
    enum Kind { INVALID_INPUT, NOT_FOUND, NOT_ALLOWED, WRONG_STATE, NOT_SET_UP }

    private final Kind kind;

    RoundException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
