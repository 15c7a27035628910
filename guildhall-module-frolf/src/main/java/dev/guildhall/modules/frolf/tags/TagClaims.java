package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.Timers;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.modules.frolf.FrolfSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /claimtag}: a free tag is taken at once; a held tag becomes a swap request to its holder, who alone may
 * accept or decline it in the leaderboard channel before it expires. An accepted swap gives the holder the requester's
 * old tag (or none if the requester had none).
 */
final class TagClaims {
    static final String SWAP_PREFIX = "frolf:tag:swap:";
    static final String ACCEPT_PREFIX = SWAP_PREFIX + "accept:";
    static final String DECLINE_PREFIX = SWAP_PREFIX + "decline:";
    static final String EXPIRY_TIMER = "frolf:tag:swap-expiry";
    static final Duration SWAP_LIFETIME = Duration.ofHours(48);

    private final TagRepository tags;
    private final Timers timers;
    private final Clock clock;
    private final TagChanges changes;

    /** Told after tags moved, so the leaderboard and season-best tags follow. */
    interface TagChanges {
        void moved(ModuleContext context, List<TagMove> moves);
    }

    TagClaims(TagRepository tags, Timers timers, Clock clock, TagChanges changes) {
        this.tags = tags;
        this.timers = timers;
        this.clock = clock;
        this.changes = changes;
    }

    void claim(ModuleContext context, InteractionEvent.SlashCommand command, FrolfSettings settings) {
        Optional<Integer> number = command.option("number").flatMap(TagClaims::parse);
        if (number.isEmpty() || number.get() < 1 || number.get() > settings.maxTag()) {
            context.replyEphemeral(command, "number: must be a tag from 1 to " + settings.maxTag());
            return;
        }
        int tag = number.get();
        UserId player = command.invoker().user();
        Map<UserId, Integer> holders = tags.holders(context.guild());
        Optional<UserId> holder = TagLedger.holderOf(holders, tag);
        if (holder.isEmpty()) {
            List<TagMove> moves = tags.take(context.guild(), player, tag, TagMove.Reason.CLAIM, clock.instant());
            String released = Optional.ofNullable(holders.get(player)).map(old -> " Tag #" + old + " is free again.").orElse("");
            context.reply(command, MessageContent.text(mention(player) + " claimed tag #" + tag + "." + released), false);
            changes.moved(context, moves);
            return;
        }
        if (holder.get().equals(player)) {
            context.replyEphemeral(command, "You already hold tag #" + tag + ".");
            return;
        }
        if (tags.pendingSwap(context.guild(), player, tag).isPresent()) {
            context.replyEphemeral(command, "You already asked " + mention(holder.get()) + " for tag #" + tag
                    + "; wait for their answer.");
            return;
        }
        requestSwap(context, command, player, holder.get(), tag, Optional.ofNullable(holders.get(player)));
    }

    private void requestSwap(ModuleContext context, InteractionEvent.SlashCommand command, UserId requester,
                             UserId holder, int tag, Optional<Integer> requesterTag) {
        Instant now = clock.instant();
        SwapRequest swap = tags.createSwap(context.guild(), requester, holder, tag, now, now.plus(SWAP_LIFETIME));
        ChannelId channel = leaderboardChannel(context).orElse(command.interaction().channel());
        String offer = requesterTag.map(t -> "you would get tag #" + t).orElse("you would be left without a tag");
        MessageContent request = MessageContent.text(mention(holder) + ", " + mention(requester) + " asks for your tag #"
                        + tag + ": " + offer + ". The request expires in 48 hours.")
                .withButtons(List.of(
                        new ButtonSpec(ACCEPT_PREFIX + swap.id(), "Accept swap", ButtonSpec.Style.SUCCESS),
                        new ButtonSpec(DECLINE_PREFIX + swap.id(), "Decline", ButtonSpec.Style.DANGER)));
        long message = context.act(new Action.SendMessage(context.guild(), channel, request)).requireCreatedId();
        tags.attachSwapMessage(context.guild(), swap.id(), channel, MessageId.of(message));
        timers.schedule(context.guild(), EXPIRY_TIMER, Long.toString(swap.id()), swap.expiresAt());
        context.replyEphemeral(command, "Tag #" + tag + " is held by " + mention(holder)
                + ". I asked them to swap; the request expires in 48 hours.");
    }

    void answer(ModuleContext context, InteractionEvent.ButtonClicked button) {
        boolean accept = button.customId().startsWith(ACCEPT_PREFIX);
        boolean decline = button.customId().startsWith(DECLINE_PREFIX);
        Optional<SwapRequest> found = accept || decline
                ? parseLong(button.customId().substring((accept ? ACCEPT_PREFIX : DECLINE_PREFIX).length()))
                        .flatMap(swapId -> tags.swap(context.guild(), swapId))
                : Optional.empty();
        if (found.isEmpty() || !found.get().isPending()) {
            context.replyEphemeral(button, "This swap request is no longer open.");
            return;
        }
        SwapRequest swap = found.get();
        if (!button.invoker().user().equals(swap.holder())) {
            context.replyEphemeral(button, "Only " + mention(swap.holder()) + " can answer this swap request.");
            return;
        }
        timers.cancel(context.guild(), EXPIRY_TIMER, Long.toString(swap.id()));
        String outcome;
        List<TagMove> moves = List.of();
        if (!accept) {
            tags.resolveSwap(context.guild(), swap.id(), SwapRequest.Status.DECLINED);
            outcome = mention(swap.holder()) + " declined to swap tag #" + swap.tag() + " with " + mention(swap.requester()) + ".";
        } else if (!TagLedger.holderOf(tags.holders(context.guild()), swap.tag()).equals(Optional.of(swap.holder()))) {
            // A round or another swap moved the tag since the request: swapping now would hand over a different tag.
            tags.resolveSwap(context.guild(), swap.id(), SwapRequest.Status.CANCELLED);
            outcome = "The swap of tag #" + swap.tag() + " between " + mention(swap.requester()) + " and "
                    + mention(swap.holder()) + " is cancelled: the tag changed hands in the meantime.";
        } else {
            tags.resolveSwap(context.guild(), swap.id(), SwapRequest.Status.ACCEPTED);
            moves = tags.take(context.guild(), swap.requester(), swap.tag(), TagMove.Reason.SWAP, clock.instant());
            outcome = mention(swap.holder()) + " accepted: " + mention(swap.requester()) + " now holds tag #" + swap.tag()
                    + describeHolderAfter(swap.holder(), moves) + ".";
        }
        context.act(new Action.UpdateSourceMessage(context.guild(), button.interaction(), MessageContent.text(outcome)));
        tell(context, swap, outcome);
        if (!moves.isEmpty()) changes.moved(context, moves);
    }

    void expire(ModuleContext context, GuildEvent.TimerFired timer) {
        Optional<SwapRequest> found = parseLong(timer.key()).flatMap(id -> tags.swap(context.guild(), id));
        if (found.isEmpty() || !tags.resolveSwap(context.guild(), found.get().id(), SwapRequest.Status.EXPIRED)) return;
        SwapRequest swap = found.get();
        String outcome = mention(swap.requester()) + "'s request for tag #" + swap.tag() + " from " + mention(swap.holder())
                + " expired without an answer.";
        if (swap.channel().isPresent() && swap.message().isPresent()) {
            try {
                context.act(new Action.EditMessage(context.guild(), swap.channel().get(), swap.message().get(),
                        MessageContent.text(outcome)));
            } catch (DiscordCallException e) {
                if (e.kind() != DiscordCallException.Kind.NOT_FOUND) throw e;
                // Someone deleted the request message; the players are still told below.
            }
        }
        tell(context, swap, outcome);
    }

    /** Both players hear the outcome as a new message, since editing a message notifies no one. */
    private void tell(ModuleContext context, SwapRequest swap, String outcome) {
        ChannelId channel = swap.channel().or(() -> leaderboardChannel(context)).orElse(null);
        if (channel != null) context.act(new Action.SendMessage(context.guild(), channel, MessageContent.text(outcome)));
    }

    private static String describeHolderAfter(UserId holder, List<TagMove> moves) {
        return moves.stream().filter(m -> m.player().equals(holder)).findFirst()
                .map(m -> m.to().map(t -> " and " + mention(holder) + " holds tag #" + t)
                        .orElse(" and " + mention(holder) + " no longer holds a tag"))
                .orElse("");
    }

    static Optional<ChannelId> leaderboardChannel(ModuleContext context) {
        return context.config().flatMap(c -> c.channel(FrolfResources.LEADERBOARD.key())).filter(r -> !r.missing())
                .map(ManagedResource::id).map(ChannelId::of);
    }

    static String mention(UserId user) {
        return "<@" + user + ">";
    }

    private static Optional<Integer> parse(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
