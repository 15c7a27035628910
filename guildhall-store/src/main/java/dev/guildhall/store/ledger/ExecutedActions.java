package dev.guildhall.store.ledger;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.store.StoreException;
import dev.guildhall.store.StoreFailures;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The ids of actions already executed, on the {@code executed_action} table: what lets a process that executes its
 * envelopes' stored actions itself (standalone) deliver them again without doing any twice. Each record commits on
 * its own, outside any envelope's transaction, right after Discord answered.
 */
public final class ExecutedActions {
    private static final String FIND = """
            SELECT COUNT(*) FROM executed_action WHERE guild_id = :guild AND action_id = :action""";
    private static final String RECORD = """
            INSERT INTO executed_action (guild_id, action_id, executed_at) VALUES (:guild, :action, :at)
            ON CONFLICT (guild_id, action_id) DO NOTHING""";
    private static final String SINCE = """
            SELECT guild_id, action_id FROM executed_action WHERE executed_at >= :since""";
    private static final String PURGE = "DELETE FROM executed_action WHERE executed_at < :cutoff";

    private final Jdbi jdbi;
    private final Clock clock;
    private final LedgerTransactions transactions;

    private ExecutedActions(Jdbi jdbi, Clock clock, LedgerTransactions transactions) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The record on the store's {@code jdbi}; {@code transactions} tells when an envelope's transaction is open. */
    public static ExecutedActions on(Jdbi jdbi, Clock clock, LedgerTransactions transactions) {
        return new ExecutedActions(jdbi, clock, transactions);
    }

    /** Whether the action was recorded as executed. */
    public boolean wasExecuted(GuildId guild, String actionId) {
        outsideTransactions(actionId);
        try {
            return jdbi.withHandle(handle -> handle.createQuery(FIND)
                    .bind("guild", guild.value()).bind("action", actionId).mapTo(Long.class).one()) > 0;
        } catch (JdbiException e) {
            throw new StoreException(kindOf(e), "could not read whether action " + actionId + " was executed", e);
        }
    }

    /** Records the action as executed; recording it again changes nothing. */
    public void record(GuildId guild, String actionId) {
        outsideTransactions(actionId);
        try {
            jdbi.useHandle(handle -> handle.createUpdate(RECORD)
                    .bind("guild", guild.value()).bind("action", actionId).bind("at", clock.instant().toEpochMilli())
                    .execute());
        } catch (JdbiException e) {
            throw new StoreException(kindOf(e), "could not record that action " + actionId + " was executed", e);
        }
    }

    /** An action recorded as executed, in its guild. */
    public record Executed(GuildId guild, String actionId) {}

    /** The actions recorded as executed at or after {@code since}, read at once rather than one query per action. */
    public Set<Executed> executedSince(Instant since) {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(SINCE).bind("since", since.toEpochMilli())
                    .map((rows, context) -> new Executed(GuildId.of(rows.getLong("guild_id")), rows.getString("action_id")))
                    .set());
        } catch (JdbiException e) {
            throw new StoreException(kindOf(e), "could not read the recently executed actions", e);
        }
    }

    /** Forgets actions executed before the cutoff, as the ledger forgets the envelopes that stored them. */
    public int purgeExecutedBefore(Instant cutoff) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate(PURGE).bind("cutoff", cutoff.toEpochMilli()).execute());
        } catch (JdbiException e) {
            throw new StoreException(kindOf(e), "could not purge executed-action records", e);
        }
    }

    /** A record made inside an envelope's transaction would roll back with it, though Discord did act. */
    private void outsideTransactions(String actionId) {
        if (transactions.isOpen()) {
            throw new IllegalStateException("action " + actionId + " was recorded inside an envelope's transaction");
        }
    }

    private static StoreException.Kind kindOf(JdbiException failure) {
        return StoreFailures.isUnavailable(failure) ? StoreException.Kind.UNREACHABLE : StoreException.Kind.QUERY_FAILED;
    }
}
