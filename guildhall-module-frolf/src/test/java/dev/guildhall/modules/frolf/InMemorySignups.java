package dev.guildhall.modules.frolf;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.modules.frolf.signup.SignupMessage;
import dev.guildhall.modules.frolf.signup.SignupRepository;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The signup repository in a map, for tests without a database. */
public final class InMemorySignups implements SignupRepository {
    private final Map<GuildId, SignupMessage> messages = new ConcurrentHashMap<>();

    @Override
    public Optional<SignupMessage> find(GuildId guild) {
        return Optional.ofNullable(messages.get(guild));
    }

    @Override
    public void save(SignupMessage message, Instant postedAt) {
        messages.put(message.guild(), message);
    }
}
