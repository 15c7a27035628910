package dev.guildhall.emulator;

import java.time.Instant;

/** One REST call under {@code /api/v10}; {@code route} is the OpenAPI path template, {@code path} the concrete path. */
public record RecordedRequest(String method, String route, String path, int status, Instant at) {
}
