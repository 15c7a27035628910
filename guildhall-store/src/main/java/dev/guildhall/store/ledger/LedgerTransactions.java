package dev.guildhall.store.ledger;

import dev.guildhall.core.id.GuildId;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link EnvelopeLedger} transaction open on the current thread, as the rest of one store sees it. The store's
 * caches report each write of a guild's data here; inside a transaction they must neither serve nor keep entries of a
 * guild it wrote, since those may still roll back. Listeners hear of a guild's data changing once it is committed:
 * at the end of the transaction, or at once for a write made outside one. Code that takes a plain JDBC connection
 * joins the open transaction through {@link #connection()}.
 */
public final class LedgerTransactions {
    private static final Logger log = LoggerFactory.getLogger(LedgerTransactions.class);

    private final ThreadLocal<Open> current = new ThreadLocal<>();
    private final List<Consumer<GuildId>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with a guild after a committed change to its config or module settings. */
    public void onGuildDataChanged(Consumer<GuildId> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** To be called after a write of the guild's cached data: listeners hear of it now, or when the open transaction commits. */
    public void written(GuildId guild) {
        Open open = current.get();
        if (open != null) open.written().add(guild);
        else announce(guild);
    }

    /** Whether a ledger transaction is open on this thread. */
    public boolean isOpen() {
        return current.get() != null;
    }

    /** Whether the transaction open on this thread wrote the guild's cached data, which may yet roll back. */
    public boolean hasUncommittedWrite(GuildId guild) {
        Open open = current.get();
        return open != null && open.written().contains(guild);
    }

    /** The connection of the transaction open on this thread; its owner commits and closes it. */
    public Optional<Connection> connection() {
        Open open = current.get();
        return open == null ? Optional.empty() : Optional.of(open.handle().getConnection());
    }

    void begin(Handle handle) {
        if (current.get() != null) {
            throw new IllegalStateException("a ledger transaction is already open on this thread; they do not nest");
        }
        current.set(new Open(handle, new LinkedHashSet<>()));
    }

    /** Closes the thread's transaction and returns the guilds whose cached data it wrote. */
    Set<GuildId> end() {
        Open open = current.get();
        current.remove();
        return open == null ? Set.of() : open.written();
    }

    void announce(GuildId guild) {
        for (Consumer<GuildId> listener : listeners) {
            try {
                listener.accept(guild);
            } catch (RuntimeException e) {
                // the change is committed either way; others then see it when their cache entry expires
                log.warn("a listener of guild data changes failed for guild {}", guild, e);
            }
        }
    }

    private record Open(Handle handle, Set<GuildId> written) {}
}
