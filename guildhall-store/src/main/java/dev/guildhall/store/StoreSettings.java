package dev.guildhall.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the data lives: PostgreSQL when {@code postgresUrl} is present (a {@code jdbc:postgresql://} URL), otherwise
 * the SQLite file {@code sqliteFile}. {@link #toString()} never shows the password.
 */
public record StoreSettings(Optional<String> postgresUrl, Optional<String> user, Optional<String> password,
                            Path sqliteFile) {
    /** The SQLite file of a standalone process run from its working directory. */
    public static final Path DEFAULT_SQLITE_FILE = Path.of("data", "guildhall.db");

    public StoreSettings {
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sqliteFile, "sqliteFile");
        postgresUrl = postgresUrl.filter(url -> !url.isBlank());
        if (postgresUrl.isPresent() && !postgresUrl.get().startsWith("jdbc:postgresql:")) {
            throw new StoreException(StoreException.Kind.BAD_SETTINGS,
                    "the PostgreSQL URL must start with jdbc:postgresql:", null);
        }
    }

    public static StoreSettings sqlite(Path file) {
        return new StoreSettings(Optional.empty(), Optional.empty(), Optional.empty(), file);
    }

    public static StoreSettings postgres(String jdbcUrl, String user, String password) {
        return new StoreSettings(Optional.of(jdbcUrl), Optional.ofNullable(user), Optional.ofNullable(password),
                DEFAULT_SQLITE_FILE);
    }

    /**
     * Reads a {@code DATABASE_URL}: {@code postgres://user:pass@host:port/db?params} (also {@code postgresql://}),
     * or {@code jdbc:postgresql://...} as is, or {@code jdbc:sqlite:FILE}; absent or blank means the SQLite file
     * {@code sqliteFallback}. Errors name the variable, never its value (it may hold a password).
     */
    public static StoreSettings fromDatabaseUrl(String url, Path sqliteFallback) {
        if (url == null || url.isBlank()) return sqlite(sqliteFallback);
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new StoreSettings(Optional.of(trimmed), Optional.empty(), Optional.empty(), sqliteFallback);
        }
        if (trimmed.startsWith("jdbc:sqlite:")) {
            return sqlite(Path.of(trimmed.substring("jdbc:sqlite:".length())));
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            return fromPostgresUri(trimmed, sqliteFallback);
        }
        throw new StoreException(StoreException.Kind.BAD_SETTINGS, "DATABASE_URL must start with postgres://, "
                + "postgresql://, jdbc:postgresql: or jdbc:sqlite: (or be unset for the SQLite file)", null);
    }

    private static StoreSettings fromPostgresUri(String url, Path sqliteFallback) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new StoreException(StoreException.Kind.BAD_SETTINGS,
                    "DATABASE_URL is not a valid postgres:// URL (check the characters of the password are "
                            + "percent-encoded)", null);
        }
        if (uri.getHost() == null) {
            throw new StoreException(StoreException.Kind.BAD_SETTINGS, "DATABASE_URL names no host", null);
        }
        String database = Optional.ofNullable(uri.getRawPath()).map(path -> path.replaceFirst("^/", "")).orElse("");
        if (database.isEmpty()) {
            throw new StoreException(StoreException.Kind.BAD_SETTINGS, "DATABASE_URL names no database", null);
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
                : uri.getHost();
        String jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) password = Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new StoreSettings(Optional.of(jdbcUrl), user, password, sqliteFallback);
    }

    private static String decode(String part) {
        // URLDecoder would turn '+' into a space; in a URL's user info '+' is a plain character
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public boolean usesPostgres() {
        return postgresUrl.isPresent();
    }

    /** The JDBC URL of the database in use. */
    public String jdbcUrl() {
        return postgresUrl.orElseGet(() -> "jdbc:sqlite:" + sqliteFile.toAbsolutePath());
    }

    @Override
    public String toString() {
        return usesPostgres()
                ? "StoreSettings[postgres " + postgresUrl.get().replaceAll("password=[^&]*", "password=***")
                        + ", user=" + user.orElse("(from URL)") + ", password=" + (password.isPresent() ? "***" : "none") + "]"
                : "StoreSettings[sqlite " + sqliteFile + "]";
    }
}
