package dev.guildhall.bench;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The systems a benchmark can measure; each opens its target, ready for load, in a work directory of its own. */
enum Mode {
    /** The whole bot in this JVM, as {@code guildhall run} wires it, with SQLite and the in-process bus. */
    STANDALONE("standalone"),
    /** A gateway JVM and N worker JVMs from the app's jar, over NATS JetStream and PostgreSQL. */
    DISTRIBUTED("distributed"),
    /** No Guildhall code: the same hops made with plain jnats and JDBC, the ceiling of this machine. */
    BARE("bare");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    BenchTarget open(BenchPlan plan, Path workDir, PrintWriter progress) {
        return switch (this) {
            case STANDALONE -> StandaloneTarget.open(plan, workDir, progress);
            case DISTRIBUTED -> DistributedTarget.open(plan, workDir, progress);
            case BARE -> BareTarget.open(plan, progress);
        };
    }
}
