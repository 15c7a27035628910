package dev.guildhall.core.action;

import java.util.Optional;

/** What executing an action produced: the snowflake of a created channel, role or message, if any. */
public record ActionResult(Optional<Long> createdId) {
    public static final ActionResult NONE = new ActionResult(Optional.empty());

    public static ActionResult created(long id) {
        return new ActionResult(Optional.of(id));
    }

    public long requireCreatedId() {
        return createdId.orElseThrow(() -> new IllegalStateException("the action created nothing"));
    }
}
