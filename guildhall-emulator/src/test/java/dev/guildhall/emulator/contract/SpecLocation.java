package dev.guildhall.emulator.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds Discord's OpenAPI description on disk: the system property {@value #PROPERTY} wins; otherwise the file sits
 * in {@code shared/discord-api-spec/} beside the repository root (the directory whose pom.xml is guildhall-parent).
 * A contract test that cannot find the spec must fail loudly, so a miss names every place that was tried.
 */
final class SpecLocation {
    static final String PROPERTY = "guildhall.discordSpec";
    static final Path RELATIVE_TO_REPO_PARENT = Path.of("shared", "discord-api-spec", "openapi.json");

    private static final Pattern PARENT_BLOCK = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ROOT_ARTIFACT = Pattern.compile("<artifactId>\\s*guildhall-parent\\s*</artifactId>");

    private SpecLocation() {}

    /** Uses the JVM's system property and working directory. */
    static Path locate() {
        return locate(Optional.ofNullable(System.getProperty(PROPERTY)), Path.of(System.getProperty("user.dir")));
    }

    static Path locate(Optional<String> property, Path workingDirectory) {
        List<String> tried = new ArrayList<>();
        if (property.isPresent() && !property.get().isBlank()) {
            Path explicit = Path.of(property.get()).toAbsolutePath();
            if (Files.isRegularFile(explicit)) {
                return explicit;
            }
            throw new IllegalStateException("Discord OpenAPI spec not found: system property " + PROPERTY
                    + " points to " + explicit + ", which is not a readable file");
        }
        tried.add("system property " + PROPERTY + " (not set)");
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRepositoryRoot(dir)) {
                Path candidate = dir.resolveSibling(RELATIVE_TO_REPO_PARENT);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
                tried.add(candidate + " (beside repository root " + dir + "; missing)");
            }
        }
        if (tried.size() == 1) {
            tried.add("no repository root (pom.xml with artifactId guildhall-parent) in " + workingDirectory.toAbsolutePath()
                    + " or any parent, so no ../" + RELATIVE_TO_REPO_PARENT.toString().replace('\\', '/') + " beside it");
        }
        throw new IllegalStateException("Discord OpenAPI spec not found; looked at: " + String.join("; ", tried)
                + ". Set -D" + PROPERTY + "=/path/to/openapi.json");
    }

    private static boolean isRepositoryRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            // A module POM names guildhall-parent only inside <parent>; the root POM names it as its own artifactId.
            String own = PARENT_BLOCK.matcher(Files.readString(pom)).replaceAll("");
            return ROOT_ARTIFACT.matcher(own).find();
        } catch (IOException e) {
            return false;
        }
    }
}
