package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.Optional;

/** A player asks the holder of a tag to swap; the holder accepts or declines before it expires. */
public record SwapRequest(long id, UserId requester, UserId holder, int tag, Instant createdAt, Instant expiresAt,
                          Status status, Optional<ChannelId> channel, Optional<MessageId> message) {

    public enum Status { PENDING, ACCEPTED, DECLINED, EXPIRED, CANCELLED }

    public boolean isPending() {
        return status == Status.PENDING;
    }
}
