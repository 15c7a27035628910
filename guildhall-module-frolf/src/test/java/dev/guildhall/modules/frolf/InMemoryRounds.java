package dev.guildhall.modules.frolf;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.rounds.Participant;
import dev.guildhall.modules.frolf.rounds.Round;
import dev.guildhall.modules.frolf.rounds.RoundDraft;
import dev.guildhall.modules.frolf.rounds.RoundRepository;
import dev.guildhall.modules.frolf.rounds.Rsvp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Rounds in maps, for unit tests; the SQL repository has its own contract tests. */
final class InMemoryRounds implements RoundRepository {
    private record Key(GuildId guild, long round) {}

    private final Map<Key, Round> rounds = new TreeMap<>(Comparator.comparingLong((Key k) -> k.guild().value())
            .thenComparingLong(Key::round));
    private final Map<Key, Map<UserId, Participant>> participants = new LinkedHashMap<>();

    @Override
    public synchronized Round create(GuildId guild, RoundDraft draft, UserId creator, ChannelId channel, Instant at) {
        long next = rounds.keySet().stream().filter(k -> k.guild().equals(guild)).mapToLong(Key::round).max().orElse(0) + 1;
        Round round = Round.created(guild, next, draft, creator, channel, at);
        rounds.put(new Key(guild, next), round);
        return round;
    }

    @Override
    public synchronized Optional<Round> find(GuildId guild, long round) {
        return Optional.ofNullable(rounds.get(new Key(guild, round)));
    }

    @Override
    public synchronized List<Round> rounds(GuildId guild) {
        return rounds.values().stream().filter(r -> r.guild().equals(guild))
                .sorted(Comparator.comparingLong(Round::id).reversed()).toList();
    }

    @Override
    public synchronized void update(Round round) {
        Key key = new Key(round.guild(), round.id());
        Round old = rounds.get(key);
        if (old == null) return;
        rounds.put(key, new Round(old.guild(), old.id(), round.draft(), old.creator(), round.status(), round.channel(),
                round.message(), round.thread(), round.scheduledEvent(), round.remindedAt(), round.finalizedAt(),
                old.createdAt()));
    }

    @Override
    public synchronized void delete(GuildId guild, long round) {
        rounds.remove(new Key(guild, round));
        participants.remove(new Key(guild, round));
    }

    @Override
    public synchronized List<Participant> participants(GuildId guild, long round) {
        return new ArrayList<>(participants.getOrDefault(new Key(guild, round), Map.of()).values());
    }

    @Override
    public synchronized void setRsvp(GuildId guild, long round, UserId user, Rsvp rsvp, Instant at) {
        Map<UserId, Participant> of = participants.computeIfAbsent(new Key(guild, round), k -> new LinkedHashMap<>());
        Participant old = of.get(user);
        of.put(user, old == null ? new Participant(user, rsvp, Optional.empty(), at)
                : new Participant(user, rsvp, old.score(), old.respondedAt()));
    }

    @Override
    public synchronized void setScore(GuildId guild, long round, UserId user, Optional<Integer> score, Instant at) {
        Map<UserId, Participant> of = participants.computeIfAbsent(new Key(guild, round), k -> new LinkedHashMap<>());
        Participant old = of.get(user);
        of.put(user, new Participant(user, Rsvp.ACCEPTED, score, old == null ? at : old.respondedAt()));
    }
}
