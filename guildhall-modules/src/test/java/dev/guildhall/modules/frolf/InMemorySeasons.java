package dev.guildhall.modules.frolf;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.seasons.Season;
import dev.guildhall.modules.frolf.seasons.SeasonRepository;
import dev.guildhall.modules.frolf.seasons.SeasonStanding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Seasons in memory, for frolf's own tests. */
final class InMemorySeasons implements SeasonRepository {
    private final Map<GuildId, List<Season>> seasons = new HashMap<>();
    private final Map<Long, Map<UserId, Integer>> best = new HashMap<>();
    private final Map<Long, Map<Long, Map<UserId, Integer>>> points = new HashMap<>();

    @Override
    public synchronized Optional<Season> active(GuildId guild) {
        return seasons.getOrDefault(guild, List.of()).stream().filter(Season::isActive).findFirst();
    }

    @Override
    public synchronized Optional<Season> latest(GuildId guild) {
        List<Season> of = seasons.getOrDefault(guild, List.of());
        return active(guild).or(() -> of.isEmpty() ? Optional.empty() : Optional.of(of.getLast()));
    }

    @Override
    public synchronized Optional<Season> start(GuildId guild, String name, Instant at) {
        if (active(guild).isPresent()) return Optional.empty();
        long id = seasons.values().stream().mapToLong(List::size).sum() + 1;
        Season season = new Season(id, name, at, Optional.empty());
        seasons.computeIfAbsent(guild, g -> new ArrayList<>()).add(season);
        return Optional.of(season);
    }

    @Override
    public synchronized boolean end(GuildId guild, long season, Instant at) {
        List<Season> of = seasons.getOrDefault(guild, new ArrayList<>());
        for (int i = 0; i < of.size(); i++) {
            Season s = of.get(i);
            if (s.id() == season && s.isActive()) {
                of.set(i, new Season(s.id(), s.name(), s.startedAt(), Optional.of(at)));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void recordTags(GuildId guild, long season, Map<UserId, Integer> tags) {
        Map<UserId, Integer> of = best.computeIfAbsent(season, s -> new HashMap<>());
        tags.forEach((player, tag) -> of.merge(player, tag, Math::min));
    }

    @Override
    public synchronized Map<UserId, Integer> bestTags(GuildId guild, long season) {
        return Map.copyOf(best.getOrDefault(season, Map.of()));
    }

    @Override
    public synchronized void replaceRoundPoints(GuildId guild, long season, long round, Map<UserId, Integer> awarded) {
        points.computeIfAbsent(season, s -> new HashMap<>()).put(round, Map.copyOf(awarded));
    }

    @Override
    public synchronized Map<UserId, Integer> roundsPlayed(GuildId guild, long season, long excludingRound) {
        Map<UserId, Integer> played = new HashMap<>();
        points.getOrDefault(season, Map.of()).forEach((round, of) -> {
            if (round != excludingRound) of.keySet().forEach(p -> played.merge(p, 1, Integer::sum));
        });
        return played;
    }

    @Override
    public synchronized List<SeasonStanding> standings(GuildId guild, long season) {
        Map<UserId, int[]> totals = new HashMap<>();
        points.getOrDefault(season, Map.of()).values().forEach(of -> of.forEach((player, p) -> {
            int[] t = totals.computeIfAbsent(player, x -> new int[2]);
            t[0] += p;
            t[1]++;
        }));
        return totals.entrySet().stream().map(e -> new SeasonStanding(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(SeasonStanding::points).reversed()
                        .thenComparingInt(SeasonStanding::rounds).thenComparingLong(s -> s.player().value()))
                .toList();
    }
}
