package dev.guildhall.app;

import dev.guildhall.bus.nats.DeadLetters;
import dev.guildhall.bus.nats.DeadLetters.DeadLetter;
import dev.guildhall.core.id.GuildId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code guildhall dlq list|show|replay}: the envelopes of this environment ({@code NATS_URL}, {@code ENVIRONMENT})
 * whose last delivery failed. Replay puts them back on the inbound stream and removes them from the dead letters; a
 * worker that already handled one (its id is in the ledger) does not handle it twice.
 */
@Command(name = "dlq", description = "List, show and replay dead-lettered envelopes.",
        subcommands = {DeadLetterCommand.List.class, DeadLetterCommand.Show.class, DeadLetterCommand.Replay.class})
final class DeadLetterCommand {
    private DeadLetterCommand() {}

    private static DeadLetters open(Main main) {
        return DeadLetters.open(Distributed.busSettings(AppConfig.fromEnvironment(main.env())));
    }

    private static Optional<GuildId> guild(String guild) {
        return Optional.ofNullable(guild).map(GuildId::parse);
    }

    private static void printLine(PrintWriter out, DeadLetter letter) {
        out.println(letter.sequence() + "  " + letter.deadLetteredAt() + "  guild " + letter.guild() + "  "
                + letter.type() + "  " + letter.envelopeId() + "  attempts " + letter.attempts() + "  " + letter.error());
    }

    @Command(name = "list", description = "One line per dead letter: sequence, time, guild, type, id, attempts, error.")
    static final class List implements Callable<Integer> {
        private final Main main;
        @Option(names = "--guild", paramLabel = "ID", description = "Only this guild's.") String guild;

        List(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            try (DeadLetters letters = open(main)) {
                java.util.List<DeadLetter> found = letters.list(guild(guild));
                found.forEach(letter -> printLine(main.out(), letter));
                main.out().println(found.size() + " dead letter(s)");
                return 0;
            }
        }
    }

    @Command(name = "show", description = "A dead letter in full, with its envelope.")
    static final class Show implements Callable<Integer> {
        private final Main main;
        @Parameters(index = "0", paramLabel = "SEQUENCE") long sequence;

        Show(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            try (DeadLetters letters = open(main)) {
                Optional<DeadLetter> letter = letters.show(sequence);
                if (letter.isEmpty()) {
                    main.out().println("no dead letter with sequence " + sequence);
                    return 1;
                }
                printLine(main.out(), letter.get());
                main.out().println(letter.get().envelopeJson());
                return 0;
            }
        }
    }

    @Command(name = "replay", description = "Put dead letters back on the inbound stream (all, one guild's, or one).")
    static final class Replay implements Callable<Integer> {
        private final Main main;
        @Option(names = "--guild", paramLabel = "ID", description = "Only this guild's.") String guild;
        @Option(names = "--seq", paramLabel = "SEQUENCE", description = "Only this one.") Long sequence;

        Replay(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            try (DeadLetters letters = open(main)) {
                java.util.List<DeadLetter> replayed = letters.replay(guild(guild),
                        sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence));
                replayed.forEach(letter -> printLine(main.out(), letter));
                main.out().println("replayed " + replayed.size() + " dead letter(s)");
                return 0;
            }
        }
    }
}
