package dev.guildhall.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code guildhall [run]} starts the bot; {@code guildhall setup GUILD_ID} runs setup from the command line;
 * {@code guildhall dlq list|show|replay} looks after dead letters; {@code guildhall modules list|load|unload|reload}
 * changes a running process's plugin modules.
 */
@Command(name = "guildhall", mixinStandardHelpOptions = true, version = "Guildhall 0.1.0",
        description = "A multi-tenant Discord bot platform.",
        subcommands = {RunCommand.class, SetupCommand.class, DeadLetterCommand.class, ModulesCommand.class})
public final class Main implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private final Map<String, String> env;
    private final PrintWriter out;

    Main(Map<String, String> env, PrintWriter out) {
        this.env = env;
        this.out = out;
    }

    Map<String, String> env() {
        return env;
    }

    PrintWriter out() {
        return out;
    }

    /** No subcommand means {@code run}. */
    @Override
    public void run() {
        new RunCommand(this).call();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        System.exit(commandLine(System.getenv(), out).execute(args));
    }

    static CommandLine commandLine(Map<String, String> env, PrintWriter out) {
        Main main = new Main(env, out);
        CommandLine line = new CommandLine(main, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) return type.cast(new RunCommand(main));
                if (type == SetupCommand.class) return type.cast(new SetupCommand(main));
                if (type == DeadLetterCommand.List.class) return type.cast(new DeadLetterCommand.List(main));
                if (type == DeadLetterCommand.Show.class) return type.cast(new DeadLetterCommand.Show(main));
                if (type == DeadLetterCommand.Replay.class) return type.cast(new DeadLetterCommand.Replay(main));
                if (type == ModulesCommand.List.class) return type.cast(new ModulesCommand.List(main));
                if (type == ModulesCommand.Change.Load.class) return type.cast(new ModulesCommand.Change.Load(main));
                if (type == ModulesCommand.Change.Unload.class) return type.cast(new ModulesCommand.Change.Unload(main));
                if (type == ModulesCommand.Change.Reload.class) return type.cast(new ModulesCommand.Change.Reload(main));
                return CommandLine.defaultFactory().create(type);
            }
        });
        line.setOut(out);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String text = FailureText.of(e);
            // a failure that says nothing (a bug, not an operator's mistake) is worth its stack trace; one with
            // messages is not logged, since a message may hold what an operator would not want in the log
            if (text.equals(FailureText.UNEXPLAINED)) log.error("guildhall failed without a message", e);
            cmd.getErr().println("guildhall: " + text);
            return 1;
        });
        return line;
    }
}
