package dev.guildhall.store.frolf.tags;

import dev.guildhall.modules.frolf.seasons.SeasonRepository;
import dev.guildhall.modules.frolf.tags.TagRepository;
import org.jdbi.v3.core.Jdbi;

/** The frolf tag leaderboard and seasons on the tables of V4, SQLite or PostgreSQL alike. */
public final class FrolfTagStore {
    private final TagRepository tags;
    private final SeasonRepository seasons;

    private FrolfTagStore(Jdbi jdbi) {
        this.tags = new JdbiTagRepository(jdbi);
        this.seasons = new JdbiSeasonRepository(jdbi);
    }

    public static FrolfTagStore on(Jdbi jdbi) {
        return new FrolfTagStore(jdbi);
    }

    public TagRepository tags() {
        return tags;
    }

    public SeasonRepository seasons() {
        return seasons;
    }
}
