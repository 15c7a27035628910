package dev.guildhall.modules.frolf.tags;

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

/** {@link SeasonRepository} in memory. */
public final class InMemorySeasons implements SeasonRepository {
    private record Key(GuildId guild, long season) {}

    private final Map<GuildId, List<Season>> seasons = new HashMap<>();
    private final Map<Key, Map<UserId, Integer>> best = new HashMap<>();
    private final Map<Key, Map<Long, Map<UserId, Integer>>> points = new HashMap<>();

    @Override
    public synchronized Optional<Season> active(GuildId guild) {
        return list(guild).stream().filter(Season::isActive).findFirst();
    }

    @Override
    public synchronized Optional<Season> latest(GuildId guild) {
        return active(guild).or(() -> list(guild).stream().max(Comparator.comparing(s -> s.endedAt().orElseThrow())));
    }

    @Override
    public synchronized Optional<Season> start(GuildId guild, String name, Instant at) {
        if (active(guild).isPresent()) return Optional.empty();
        Season season = new Season(list(guild).size() + 1, name, at, Optional.empty());
        list(guild).add(season);
        return Optional.of(season);
    }

    @Override
    public synchronized boolean end(GuildId guild, long season, Instant at) {
        List<Season> all = list(guild);
        for (int i = 0; i < all.size(); i++) {
            Season s = all.get(i);
            if (s.id() == season && s.isActive()) {
                all.set(i, new Season(s.id(), s.name(), s.startedAt(), Optional.of(at)));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void recordTags(GuildId guild, long season, Map<UserId, Integer> tags) {
        Map<UserId, Integer> mine = best.computeIfAbsent(new Key(guild, season), k -> new HashMap<>());
        tags.forEach((player, tag) -> mine.merge(player, tag, Math::min));
    }

    @Override
    public synchronized Map<UserId, Integer> bestTags(GuildId guild, long season) {
        return Map.copyOf(best.getOrDefault(new Key(guild, season), Map.of()));
    }

    @Override
    public synchronized void replaceRoundPoints(GuildId guild, long season, long round, Map<UserId, Integer> roundPoints) {
        points.computeIfAbsent(new Key(guild, season), k -> new HashMap<>()).put(round, Map.copyOf(roundPoints));
    }

    @Override
    public synchronized Map<UserId, Integer> roundsPlayed(GuildId guild, long season, long excludingRound) {
        Map<UserId, Integer> rounds = new HashMap<>();
        points.getOrDefault(new Key(guild, season), Map.of()).forEach((round, byPlayer) -> {
            if (round != excludingRound) byPlayer.keySet().forEach(p -> rounds.merge(p, 1, Integer::sum));
        });
        return rounds;
    }

    @Override
    public synchronized List<SeasonStanding> standings(GuildId guild, long season) {
        Map<UserId, int[]> totals = new HashMap<>();
        points.getOrDefault(new Key(guild, season), Map.of()).values().forEach(byPlayer -> byPlayer.forEach((p, v) -> {
            int[] t = totals.computeIfAbsent(p, k -> new int[2]);
            t[0] += v;
            t[1]++;
        }));
        List<SeasonStanding> standings = new ArrayList<>();
        totals.forEach((p, t) -> standings.add(new SeasonStanding(p, t[0], t[1])));
        standings.sort(Comparator.comparingInt(SeasonStanding::points).reversed()
                .thenComparingInt(SeasonStanding::rounds).thenComparingLong(s -> s.player().value()));
        return standings;
    }

    private List<Season> list(GuildId guild) {
        return seasons.computeIfAbsent(guild, g -> new ArrayList<>());
    }
}
