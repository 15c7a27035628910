package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.modules.frolf.rounds.RoundRepository;
import dev.guildhall.modules.frolf.seasons.SeasonRepository;
import dev.guildhall.modules.frolf.signup.SignupRepository;
import dev.guildhall.modules.frolf.tags.TagRepository;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.Handles;

import javax.sql.DataSource;
import java.util.List;

/**
 * Frolf's storage adapter: its repositories on the tables of its own migrations ({@code db/modules/frolf}), SQLite or
 * PostgreSQL alike, over the platform's database. On a thread handling an envelope the database hands out that
 * envelope's transaction's connection; this adapter's JDBI then joins it (a repository's own "transaction" runs
 * inside it) and must not end it when a handle closes.
 */
public final class FrolfStorage {
    /** Children before parents, so a purge never trips a foreign key. */
    private static final List<String> TABLES = List.of("frolf_round_participant", "frolf_round", "frolf_tag_holder",
            "frolf_tag_result", "frolf_tag_history", "frolf_tag_ledger", "frolf_tag_swap", "frolf_leaderboard_message",
            "frolf_season_points", "frolf_season_best_tag", "frolf_season", "frolf_signup");

    private final Jdbi jdbi;
    private final RoundRepository rounds;
    private final TagRepository tags;
    private final SeasonRepository seasons;
    private final SignupRepository signups;

    private FrolfStorage(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.rounds = new JdbiRoundRepository(jdbi);
        this.tags = new JdbiTagRepository(jdbi);
        this.seasons = new JdbiSeasonRepository(jdbi);
        this.signups = new JdbiSignupRepository(jdbi);
    }

    public static FrolfStorage on(DataSource database) {
        Jdbi jdbi = Jdbi.create(database);
        // the envelope's transaction belongs to the platform: a handle closing inside it must not roll it back
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        return new FrolfStorage(jdbi);
    }

    public RoundRepository rounds() {
        return rounds;
    }

    public TagRepository tags() {
        return tags;
    }

    public SeasonRepository seasons() {
        return seasons;
    }

    public SignupRepository signups() {
        return signups;
    }

    /** Deletes every row frolf keeps for the guild, in one transaction. */
    public void purge(GuildId guild) {
        Sql.inTransaction(jdbi, "delete the frolf data", guild, handle -> {
            for (String table : TABLES) {
                handle.createUpdate("DELETE FROM " + table + " WHERE guild_id = :guild").bind("guild", guild.value())
                        .execute();
            }
            return null;
        });
    }
}
