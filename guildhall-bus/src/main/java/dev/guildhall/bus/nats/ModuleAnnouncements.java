package dev.guildhall.bus.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Tells the other workers of an environment that a plugin module was loaded, reloaded or unloaded, over core NATS on
 * {@code gh.<env>.modules}. The body is one line, {@code <origin> <kind> <plugin> <version>}: a plugin's name has no
 * spaces, and the origin (random per process) lets the announcing process skip its own announcement, which it has
 * already applied. Core NATS keeps nothing for a process that is away; a worker that starts later reads the plugin
 * folder instead.
 */
public final class ModuleAnnouncements implements AutoCloseable {
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ModuleAnnouncements.class);

    /** What happened to a plugin. */
    public enum Kind { LOAD, RELOAD, UNLOAD }

    /** One change: the plugin's name (its jar's, without {@code .jar}) and the module version the announcer serves. */
    public record Change(Kind kind, String plugin, String version) {
        public Change {
            if (plugin.isBlank() || plugin.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a plugin name has no spaces: '" + plugin + "'");
            }
            if (version.isBlank() || version.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a module version has no spaces: '" + version + "'");
            }
        }
    }

    private final Connection nats;
    private final String subject;
    private final String origin = UUID.randomUUID().toString();
    private final Dispatcher dispatcher;

    private ModuleAnnouncements(Connection nats, String subject, Consumer<Change> onChange) {
        this.nats = nats;
        this.subject = subject;
        this.dispatcher = nats.createDispatcher(message -> receive(message, onChange));
    }

    /**
     * Subscribes {@code onChange} to the other processes' announcements; it runs on one thread, so changes are applied
     * in the order they arrive. The connection stays the caller's to close.
     */
    public static ModuleAnnouncements start(Connection nats, String environment, Consumer<Change> onChange) {
        ModuleAnnouncements announcements = new ModuleAnnouncements(nats,
                ActionSettings.topologyOf(environment).modulesSubject(), onChange);
        announcements.dispatcher.subscribe(announcements.subject);
        try {
            // the subscription is on the server before this process loads the folder and takes part
            nats.flush(FLUSH_TIMEOUT);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            announcements.close();
            throw new IllegalStateException("could not subscribe to module changes on " + announcements.subject
                    + ": " + e.getClass().getSimpleName());
        }
        return announcements;
    }

    /** Publishes a change this process has applied; waits until the server has it, so the caller may report success. */
    public void announce(Change change) {
        String body = origin + " " + change.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + change.plugin()
                + " " + change.version();
        nats.publish(subject, body.getBytes(StandardCharsets.UTF_8));
        try {
            nats.flush(FLUSH_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IllegalStateException("NATS did not confirm the announcement of plugin " + change.plugin()
                    + " within " + FLUSH_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted announcing plugin " + change.plugin());
        }
    }

    private void receive(Message message, Consumer<Change> onChange) {
        String text = new String(message.getData(), StandardCharsets.UTF_8);
        Optional<Change> change = parse(text);
        if (change.isEmpty()) {
            log.warn("ignoring a malformed module change on {}", message.getSubject());
            return;
        }
        if (text.startsWith(origin + " ")) return;
        try {
            onChange.accept(change.get());
        } catch (RuntimeException e) {
            log.error("applying the announced {} of plugin {} failed", change.get().kind(), change.get().plugin(), e);
        }
    }

    static Optional<Change> parse(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 4) return Optional.empty();
        try {
            return Optional.of(new Change(Kind.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)), parts[2], parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            nats.closeDispatcher(dispatcher);
        } catch (RuntimeException e) {
            log.debug("closing the module announcements dispatcher: {}", e.toString());
        }
    }
}
