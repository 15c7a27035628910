package dev.guildhall.web;

import java.util.Objects;

/**
 * Where the process's HTTP server listens, read from {@code METRICS_ADDRESS}.
 *
 * @param host interface to bind; {@code 0.0.0.0} means every interface
 * @param port TCP port; 0 picks a free one (tests)
 */
public record WebSettings(String host, int port) {
    static final String VARIABLE = "METRICS_ADDRESS";
    private static final String ALL_INTERFACES = "0.0.0.0";

    public WebSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(VARIABLE + ": host must not be blank or contain spaces");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(VARIABLE + ": port must be between 0 and 65535, got " + port);
        }
    }

    /**
     * Parses {@code :8080}, {@code 0.0.0.0:8080}, {@code localhost:8080}, {@code [::1]:8080} or {@code 127.0.0.1:0}.
     * An empty host means every interface, as in Go's and Prometheus's {@code :port} convention.
     *
     * @throws IllegalArgumentException naming {@code METRICS_ADDRESS} when the value is not {@code [host]:port}
     */
    public static WebSettings parse(String metricsAddress) {
        if (metricsAddress == null || metricsAddress.isBlank()) {
            throw invalid(metricsAddress, "it is empty");
        }
        String value = metricsAddress.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(value, "the port is missing");
        }
        String host = value.substring(0, colon);
        String portText = value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);   // bracketed IPv6 literal
        } else if (host.indexOf(':') >= 0) {
            throw invalid(value, "an IPv6 host must be written in brackets, e.g. [::1]:8080");
        }
        if (host.isEmpty()) {
            host = ALL_INTERFACES;
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(value, "the host contains spaces");
        }
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(value, "the port must be a number from 0 to 65535");
        }
        int port = Integer.parseInt(portText);
        if (port > 65_535) {
            throw invalid(value, "the port must be a number from 0 to 65535");
        }
        return new WebSettings(host, port);
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        return new IllegalArgumentException(
                VARIABLE + " must look like ':8080' or 'host:8080', but " + reason + " (got '" + value + "')");
    }
}
