package dev.guildhall.testkit;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a plugin jar from a Maven-layout project ({@code src/main/java}, {@code src/main/resources}) at test time,
 * without Maven: the sources are compiled with the JDK's compiler against the test's own class path (which holds the
 * platform's SPI), the resources copied, and both packed into a jar. An edit may change any file's text on the way
 * (a version string, a migration), and extra resources may be added, so one project yields several versions.
 */
public final class PluginJars {
    private PluginJars() {}

    /** No edits: the project as it is. */
    public static final BiFunction<String, String, String> AS_IS = (path, text) -> text;

    /**
     * Builds {@code jar} from {@code project}.
     *
     * @param edit           given each source and resource's path (relative, with '/') and text, returns the text to use
     * @param extraResources more resources by path, e.g. {@code db/modules/poll/V2__more.sql}
     */
    public static Path build(Path project, Path jar, BiFunction<String, String, String> edit,
                             Map<String, String> extraResources) {
        try {
            Path work = Files.createTempDirectory("plugin-build-");
            Path sources = work.resolve("src");
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            List<Path> javaFiles = new ArrayList<>();
            Map<String, byte[]> entries = new TreeMap<>();
            Path javaRoot = project.resolve("src/main/java");
            for (Path file : files(javaRoot)) {
                String relative = relative(javaRoot, file);
                Path copy = sources.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, edit.apply(relative, Files.readString(file)));
                javaFiles.add(copy);
            }
            compile(javaFiles, classes);
            for (Path file : files(classes)) entries.put(relative(classes, file), Files.readAllBytes(file));
            Path resourceRoot = project.resolve("src/main/resources");
            if (Files.isDirectory(resourceRoot)) {
                for (Path file : files(resourceRoot)) {
                    String relative = relative(resourceRoot, file);
                    entries.put(relative, edit.apply(relative, Files.readString(file)).getBytes(StandardCharsets.UTF_8));
                }
            }
            extraResources.forEach((path, text) -> entries.put(path, text.getBytes(StandardCharsets.UTF_8)));
            write(jar, entries);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not build a plugin jar from " + project, e);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }

    private static void compile(List<Path> sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new IllegalStateException("no Java compiler: run the tests on a JDK");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-classpath", testClassPath(), "-d", classes.toString(),
                    "-proc:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                StringBuilder errors = new StringBuilder("the plugin does not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    errors.append('\n').append(d);
                }
                throw new IllegalStateException(errors.toString());
            }
        }
    }

    /** Surefire runs tests from a manifest-only jar and names the real class path in a property of its own. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static void write(Path jar, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Path partial = Files.createTempFile(jar.toAbsolutePath().getParent(), ".building-", ".part");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jarOut.putNextEntry(new JarEntry(entry.getKey()));
                jarOut.write(entry.getValue());
                jarOut.closeEntry();
            }
        }
        // the jar appears whole: a plugin folder never shows a half-written file
        Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
