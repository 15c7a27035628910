package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.modules.frolf.FrolfSettings;

import java.util.List;

/** Told each time a round's results become final or an editor changes them afterwards. */
@FunctionalInterface
public interface RoundResultsListener {
    RoundResultsListener NONE = (context, settings, round, participants) -> { };

    void resultsChanged(ModuleContext context, FrolfSettings settings, Round round, List<Participant> participants);
}
