package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.DiscordCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tag leaderboard as paginated embeds: answers {@code /leaderboard} and its page buttons, and keeps the channel message current. */
final class Leaderboard {
    static final String PAGE_PREFIX = "frolf:lb:page:";
    static final int PAGE_SIZE = 10;
    private static final int COLOR = 0x2E7D32;
    private static final Logger log = LoggerFactory.getLogger(Leaderboard.class);

    private final TagRepository tags;

    Leaderboard(TagRepository tags) {
        this.tags = tags;
    }

    void command(ModuleContext context, InteractionEvent.SlashCommand command) {
        Optional<String> raw = command.option("page");
        int page;
        try {
            page = raw.map(Integer::parseInt).orElse(1);
        } catch (NumberFormatException e) {
            context.replyEphemeral(command, "page: must be a whole number");
            return;
        }
        if (page < 1) {
            context.replyEphemeral(command, "page: must be 1 or more");
            return;
        }
        context.reply(command, render(tags.holders(context.guild()), page), false);
    }

    void pageButton(ModuleContext context, InteractionEvent.ButtonClicked button) {
        int page;
        try {
            page = Integer.parseInt(button.customId().substring(PAGE_PREFIX.length()));
        } catch (NumberFormatException e) {
            context.replyEphemeral(button, "This button is out of date; run /leaderboard again.");
            return;
        }
        context.act(new Action.UpdateSourceMessage(context.guild(), button.interaction(),
                render(tags.holders(context.guild()), page)));
    }

    /**
     * Posts the leaderboard in the guild's leaderboard channel once, then edits that message; posts anew when the
     * message is gone or the channel changed. Does nothing in a guild without a leaderboard channel.
     */
    void refresh(ModuleContext context) {
        try {
            post(context);
        } catch (DiscordCallException e) {
            // The tags are already stored: failing the event would only repeat the reply. The next move refreshes again.
            log.warn("could not refresh the leaderboard message of guild {} ({})", context.guild(), e.kind());
        }
    }

    private void post(ModuleContext context) {
        Optional<ChannelId> channel = TagClaims.leaderboardChannel(context);
        if (channel.isEmpty()) return;
        MessageContent content = render(tags.holders(context.guild()), 1);
        Optional<LeaderboardMessage> kept = tags.leaderboardMessage(context.guild())
                .filter(m -> m.channel().equals(channel.get()));
        if (kept.isPresent()) {
            try {
                context.act(new Action.EditMessage(context.guild(), channel.get(), kept.get().message(), content));
                return;
            } catch (DiscordCallException e) {
                if (e.kind() != DiscordCallException.Kind.NOT_FOUND) throw e;
                log.info("the leaderboard message of guild {} is gone; posting a new one", context.guild());
            }
        }
        long posted = context.act(new Action.SendMessage(context.guild(), channel.get(), content)).requireCreatedId();
        tags.rememberLeaderboardMessage(context.guild(), new LeaderboardMessage(channel.get(), MessageId.of(posted)));
    }

    /** One page (1-based, clamped to the pages there are) of the holders, best tag first, with Previous/Next. */
    static MessageContent render(Map<UserId, Integer> holders, int requestedPage) {
        List<Map.Entry<UserId, Integer>> ordered = holders.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
        int pages = Math.max(1, (ordered.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requestedPage), pages);
        StringBuilder text = new StringBuilder();
        if (ordered.isEmpty()) {
            text.append("No one holds a tag yet. Claim one with /claimtag.");
        } else {
            for (Map.Entry<UserId, Integer> entry : ordered.subList((page - 1) * PAGE_SIZE,
                    Math.min(ordered.size(), page * PAGE_SIZE))) {
                text.append("**#").append(entry.getValue()).append("** <@").append(entry.getKey()).append(">\n");
            }
            text.append("\nPage ").append(page).append(" of ").append(pages).append(" · ")
                    .append(ordered.size()).append(ordered.size() == 1 ? " tag held" : " tags held");
        }
        Embed embed = new Embed("Tag leaderboard", text.toString().strip(), List.of(), COLOR);
        List<ButtonSpec> buttons = new java.util.ArrayList<>();
        if (page > 1) buttons.add(new ButtonSpec(PAGE_PREFIX + (page - 1), "Previous", ButtonSpec.Style.SECONDARY));
        if (page < pages) buttons.add(new ButtonSpec(PAGE_PREFIX + (page + 1), "Next", ButtonSpec.Style.SECONDARY));
        return MessageContent.embed(embed).withButtons(buttons);
    }
}
