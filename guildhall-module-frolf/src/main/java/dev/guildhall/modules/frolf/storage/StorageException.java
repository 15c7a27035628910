package dev.guildhall.modules.frolf.storage;

/**
 * A frolf query failed; the message names what and which guild. The cause is kept whole, so the platform still sees
 * a database outage in it (and holds the envelope) rather than a bug.
 */
final class StorageException extends RuntimeException {
    StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
