package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.modules.frolf.signup.SignupMessage;
import dev.guildhall.modules.frolf.signup.SignupRepository;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;

/** The signup message on {@code frolf_signup}, one row per guild. */
final class JdbiSignupRepository implements SignupRepository {
    private static final String FIND = """
            SELECT channel_id, message_id, emoji FROM frolf_signup WHERE guild_id = :guild""";
    private static final String SAVE = """
            INSERT INTO frolf_signup (guild_id, channel_id, message_id, emoji, posted_at)
            VALUES (:guild, :channel, :message, :emoji, :at)
            ON CONFLICT (guild_id) DO UPDATE SET channel_id = :channel, message_id = :message, emoji = :emoji,
                posted_at = :at""";

    private final Jdbi jdbi;

    JdbiSignupRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<SignupMessage> find(GuildId guild) {
        return Sql.call(jdbi, "read the signup message", guild, handle -> handle.createQuery(FIND)
                .bind("guild", guild.value())
                .map((rs, ctx) -> new SignupMessage(guild, ChannelId.of(rs.getLong("channel_id")),
                        MessageId.of(rs.getLong("message_id")), rs.getString("emoji")))
                .findOne());
    }

    @Override
    public void save(SignupMessage message, Instant postedAt) {
        Sql.call(jdbi, "record the signup message", message.guild(), handle -> handle.createUpdate(SAVE)
                .bind("guild", message.guild().value()).bind("channel", message.channel().value())
                .bind("message", message.message().value()).bind("emoji", message.emoji())
                .bind("at", postedAt.toEpochMilli()).execute());
    }
}
