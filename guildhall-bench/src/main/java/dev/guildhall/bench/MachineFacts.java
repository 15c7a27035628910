package dev.guildhall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the figures were measured on: they mean little without it. */
record MachineFacts(int cores, Optional<String> cpu, String jdk, long maxHeapBytes, String os) {

    static MachineFacts current() {
        Runtime runtime = Runtime.getRuntime();
        String jdk = System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new MachineFacts(runtime.availableProcessors(), cpuModel(), jdk, runtime.maxMemory(), os);
    }

    /** The CPU's model name where Linux tells it. */
    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) return Optional.empty();
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
