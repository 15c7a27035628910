package dev.guildhall.app;

/** An operator's mistake in the environment; the message names the variable and what it should hold. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}
