package dev.guildhall.store.frolf.rounds;

import dev.guildhall.modules.frolf.rounds.RoundRepository;
import org.jdbi.v3.core.Jdbi;

/** Where the frolf round repository comes from: SQL on the {@code frolf_round} tables of V3. */
public final class RoundStore {
    private RoundStore() {}

    public static RoundRepository on(Jdbi jdbi) {
        return new JdbiRoundRepository(jdbi);
    }
}
