package dev.guildhall.store.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.store.StoreException;
import dev.guildhall.store.StoreFailures;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Exactly-once handling of envelopes on the {@code processed_event} table: what a handler writes through the store
 * commits in one transaction with the envelope's id and the actions it produced, or not at all. A redelivered
 * envelope does not run its handler again; its stored actions come back, to be published again.
 *
 * <p>The transaction is the store's JDBI handle of this thread, which every repository of the store joins. The record
 * is claimed first ({@code INSERT ... ON CONFLICT DO NOTHING}): a second worker given the same envelope waits on that
 * row until the first commits (then reads its actions) or rolls back (then handles it itself), so the handler runs
 * once even under that race.
 */
public final class EnvelopeLedger {
    private static final String CLAIM = """
            INSERT INTO processed_event (guild_id, event_id, processed_at, actions) VALUES (:guild, :event, :at, '[]')
            ON CONFLICT (guild_id, event_id) DO NOTHING""";
    private static final String RECORD = """
            UPDATE processed_event SET actions = :actions WHERE guild_id = :guild AND event_id = :event""";
    private static final String FIND = "SELECT actions FROM processed_event WHERE guild_id = :guild AND event_id = :event";
    private static final String PURGE = "DELETE FROM processed_event WHERE processed_at < :cutoff";
    private static final String WITH_ACTIONS_SINCE = """
            SELECT guild_id, event_id, actions FROM processed_event WHERE processed_at >= :since AND actions <> '[]'
            ORDER BY processed_at""";
    private static final TypeReference<List<String>> ACTIONS = new TypeReference<>() {};

    /** Whether the handler ran now ({@code false}: it ran before) and the actions it produced then or now. */
    public record Outcome(boolean handledNow, List<String> actions) {
        public Outcome {
            actions = List.copyOf(actions);
        }
    }

    /** A committed envelope (or unit) and the actions it stored. */
    public record StoredUnit(GuildId guild, String envelopeId, List<String> actions) {
        public StoredUnit {
            actions = List.copyOf(actions);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final LedgerTransactions transactions;
    private final Consumer<GuildId> dropCachedGuild;
    private final ObjectMapper json = new ObjectMapper();

    private EnvelopeLedger(Jdbi jdbi, Clock clock, LedgerTransactions transactions, Consumer<GuildId> dropCachedGuild) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.transactions = transactions;
        this.dropCachedGuild = dropCachedGuild;
    }

    /**
     * The ledger on the store's {@code jdbi} (the one its repositories use, so they join its transactions);
     * {@code dropCachedGuild} forgets the cached data of a guild whose writes rolled back or just committed.
     */
    public static EnvelopeLedger on(Jdbi jdbi, Clock clock, LedgerTransactions transactions,
                                    Consumer<GuildId> dropCachedGuild) {
        return new EnvelopeLedger(jdbi, clock, transactions, dropCachedGuild);
    }

    /**
     * Handles the envelope once. If {@code (guild, envelopeId)} is recorded, returns its stored actions without
     * calling {@code work}. Otherwise calls {@code work} in a transaction that every repository call it makes on this
     * thread joins, records the actions it returns, and commits. If {@code work} throws, everything it wrote rolls
     * back and its exception propagates as it was thrown. Transactions do not nest: {@code work} must not call this.
     *
     * @throws StoreException when the ledger itself cannot read or write its record
     */
    public Outcome process(GuildId guild, String envelopeId, Callable<List<String>> work) throws Exception {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(work, "work");
        if (envelopeId == null || envelopeId.isBlank()) throw new IllegalArgumentException("the envelope id is missing");
        if (transactions.isOpen()) {
            throw new IllegalStateException("envelope " + envelopeId + " was given to the ledger inside another "
                    + "envelope's transaction; ledger transactions do not nest");
        }
        try {
            return jdbi.withHandle(handle -> inTransaction(handle, guild, envelopeId, work));
        } catch (WorkFailed failed) {
            return raced(guild, envelopeId, failed.original()).orElseThrow(failed::original);
        } catch (JdbiException e) {
            Optional<Outcome> winner = raced(guild, envelopeId, e);
            if (winner.isPresent()) return winner.get();
            throw new StoreException(kindOf(e), "could not record envelope " + envelopeId + " of guild " + guild, e);
        }
    }

    /**
     * Removes the records of envelopes handled before {@code cutoff}, long past any redelivery; returns how many.
     * Not scoped by a guild on purpose: a retention sweep over every guild.
     */
    public int purgeProcessedBefore(Instant cutoff) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate(PURGE).bind("cutoff", cutoff.toEpochMilli()).execute());
        } catch (JdbiException e) {
            throw new StoreException(kindOf(e), "could not purge handled-envelope records", e);
        }
    }

    /**
     * The committed envelopes claimed at or after {@code since} that stored at least one action, oldest first: what a
     * process that executes its own stored actions checks at start-up, since it may have died before executing them.
     * Not scoped by a guild on purpose: a sweep over every guild.
     */
    public List<StoredUnit> storedActionsSince(Instant since) {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(WITH_ACTIONS_SINCE)
                    .bind("since", since.toEpochMilli())
                    .map((rows, context) -> {
                        GuildId guild = GuildId.of(rows.getLong("guild_id"));
                        String envelopeId = rows.getString("event_id");
                        return new StoredUnit(guild, envelopeId, decode(guild, envelopeId, rows.getString("actions")));
                    })
                    .list());
        } catch (JdbiException e) {
            throw new StoreException(kindOf(e), "could not read the stored actions of recent envelopes", e);
        }
    }

    private Outcome inTransaction(Handle handle, GuildId guild, String envelopeId, Callable<List<String>> work) {
        transactions.begin(handle);
        boolean commitTried = false;
        try {
            handle.begin();
            Outcome outcome = claimAndRun(handle, guild, envelopeId, work);
            commitTried = true;
            handle.commit();
            return outcome;
        } catch (RuntimeException | Error e) {
            rollback(handle, e);
            throw e;
        } finally {
            Set<GuildId> written = transactions.end();
            // a commit that failed may still have happened: telling the others to reload costs nothing
            afterEnd(guild, written, commitTried);
        }
    }

    private Outcome claimAndRun(Handle handle, GuildId guild, String envelopeId, Callable<List<String>> work) {
        int claimed = handle.createUpdate(CLAIM)
                .bind("guild", guild.value()).bind("event", envelopeId).bind("at", clock.millis())
                .execute();
        if (claimed == 0) {
            return new Outcome(false, stored(handle, guild, envelopeId).orElseThrow(() -> new IllegalStateException(
                    "envelope " + envelopeId + " of guild " + guild + " is recorded yet its record cannot be read")));
        }
        List<String> actions;
        try {
            actions = List.copyOf(Objects.requireNonNull(work.call(), "the handler returned no list of actions"));
        } catch (Exception e) {
            throw new WorkFailed(e);
        }
        handle.createUpdate(RECORD)
                .bind("guild", guild.value()).bind("event", envelopeId).bind("actions", encode(actions))
                .execute();
        return new Outcome(true, actions);
    }

    private void afterEnd(GuildId guild, Set<GuildId> written, boolean committed) {
        if (committed) {
            // another thread may have cached the old values while the transaction ran
            written.forEach(dropCachedGuild);
            written.forEach(transactions::announce);
        } else {
            dropCachedGuild.accept(guild);
            written.forEach(dropCachedGuild);
        }
    }

    /**
     * After a failure that a primary key or unique index caused: if another worker committed this envelope
     * meanwhile, its record decides, as if it had been found at the start.
     */
    private Optional<Outcome> raced(GuildId guild, String envelopeId, Exception failure) {
        if (!StoreFailures.isUniqueViolation(failure)) return Optional.empty();
        try {
            return jdbi.withHandle(handle -> stored(handle, guild, envelopeId)).map(actions -> new Outcome(false, actions));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return Optional.empty();
        }
    }

    private Optional<List<String>> stored(Handle handle, GuildId guild, String envelopeId) {
        return handle.createQuery(FIND)
                .bind("guild", guild.value()).bind("event", envelopeId)
                .mapTo(String.class)
                .findOne()
                .map(text -> decode(guild, envelopeId, text));
    }

    private String encode(List<String> actions) {
        try {
            return json.writeValueAsString(actions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always encodable", e);
        }
    }

    private List<String> decode(GuildId guild, String envelopeId, String text) {
        try {
            List<String> actions = json.readValue(text, ACTIONS);
            if (actions == null || actions.contains(null)) throw new IllegalArgumentException("not a list of strings");
            return actions;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.CORRUPT_DATA,
                    "the stored actions of envelope " + envelopeId + " of guild " + guild + " cannot be read", e);
        }
    }

    private static StoreException.Kind kindOf(JdbiException failure) {
        return StoreFailures.isUnavailable(failure) ? StoreException.Kind.UNREACHABLE : StoreException.Kind.QUERY_FAILED;
    }

    private static void rollback(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Carries the handler's own exception through JDBI, to be rethrown as it was. */
    private static final class WorkFailed extends RuntimeException {
        WorkFailed(Exception cause) {
            super(null, cause, false, false);
        }

        Exception original() {
            return (Exception) getCause();
        }
    }
}
