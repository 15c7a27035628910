package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * A round of one guild, numbered from 1 in that guild. {@code message} is its embed in {@code channel},
 * {@code thread} the reminder thread on it, {@code scheduledEvent} the Discord scheduled event.
 */
public record Round(GuildId guild, long id, RoundDraft draft, UserId creator, RoundStatus status, ChannelId channel,
                    Optional<MessageId> message, Optional<ChannelId> thread, Optional<Long> scheduledEvent,
                    Optional<Instant> remindedAt, Optional<Instant> finalizedAt, Instant createdAt) {

    public static Round created(GuildId guild, long id, RoundDraft draft, UserId creator, ChannelId channel,
                                Instant createdAt) {
        return new Round(guild, id, draft, creator, RoundStatus.SCHEDULED, channel, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), createdAt);
    }

    public Round withDraft(RoundDraft newDraft) {
        boolean moved = !newDraft.start().equals(draft.start());
        // A moved start gets a fresh reminder.
        return new Round(guild, id, newDraft, creator, status, channel, message, thread, scheduledEvent,
                moved ? Optional.empty() : remindedAt, finalizedAt, createdAt);
    }

    public Round withPosted(MessageId newMessage, Optional<Long> newEvent) {
        return new Round(guild, id, draft, creator, status, channel, Optional.of(newMessage), thread, newEvent,
                remindedAt, finalizedAt, createdAt);
    }

    public Round withThread(ChannelId newThread) {
        return new Round(guild, id, draft, creator, status, channel, message, Optional.of(newThread), scheduledEvent,
                remindedAt, finalizedAt, createdAt);
    }

    public Round reminded(ChannelId newThread, Instant at) {
        return new Round(guild, id, draft, creator, status, channel, message, Optional.of(newThread), scheduledEvent,
                Optional.of(at), finalizedAt, createdAt);
    }

    public Round started() {
        return new Round(guild, id, draft, creator, RoundStatus.IN_PROGRESS, channel, message, thread, scheduledEvent,
                remindedAt, finalizedAt, createdAt);
    }

    public Round finalized(Instant at) {
        return new Round(guild, id, draft, creator, RoundStatus.FINALIZED, channel, message, thread, scheduledEvent,
                remindedAt, Optional.of(at), createdAt);
    }
}
