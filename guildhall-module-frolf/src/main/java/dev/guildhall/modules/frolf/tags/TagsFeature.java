package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.Timers;
import dev.guildhall.modules.frolf.FrolfSettings;
import dev.guildhall.modules.frolf.seasons.SeasonRepository;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The tag leaderboard side of frolf: {@code /claimtag} with swap requests, {@code /leaderboard} and the kept-current
 * leaderboard message, {@code /season}, and the tags and season points of finalized rounds. The frolf module hands it
 * every event; it takes the ones that are its own.
 *
 * <pre>{@code
 * TagsFeature tagsFeature = new TagsFeature(storage.tags(), storage.seasons(), timers, clock);
 * if (!tagsFeature.handle(context, event, settings)) rounds.handle(context, event, settings);
 * }</pre>
 */
public final class TagsFeature {
    public static final String CLAIM_COMMAND = "claimtag";
    public static final String LEADERBOARD_COMMAND = "leaderboard";
    public static final String SEASON_COMMAND = "season";

    private final TagRepository tags;
    private final Leaderboard leaderboard;
    private final TagClaims claims;
    private final SeasonCommands seasons;
    private final Clock clock;

    public TagsFeature(TagRepository tags, SeasonRepository seasons, Timers timers, Clock clock) {
        this.tags = tags;
        this.clock = clock;
        this.leaderboard = new Leaderboard(tags);
        this.seasons = new SeasonCommands(seasons, tags, clock);
        this.claims = new TagClaims(tags, timers, clock, this::tagsMoved);
    }

    public List<CommandSpec> commands() {
        return List.of(
                new CommandSpec(CLAIM_COMMAND, "Claim a tag: a free one at once, a held one by asking its holder to swap",
                        PermissionLevel.PLAYER,
                        List.of(OptionSpec.of("number", "The tag number you want", OptionSpec.Type.INTEGER, true))),
                new CommandSpec(LEADERBOARD_COMMAND, "Show the tag leaderboard", PermissionLevel.EVERYONE,
                        List.of(OptionSpec.of("page", "Page to show (10 tags a page)", OptionSpec.Type.INTEGER, false))),
                new CommandSpec(SEASON_COMMAND, "Start or end a season, or show its standings", PermissionLevel.ADMIN, List.of(
                        OptionSpec.subcommand("start", "Start a season; finalized rounds then earn points",
                                List.of(OptionSpec.of("name", "Name of the season", OptionSpec.Type.STRING, true))),
                        OptionSpec.subcommand("end", "End the running season", List.of()),
                        OptionSpec.subcommand("standings", "Show the season's points and tiers", List.of()))));
    }

    public List<ComponentSpec> components() {
        return List.of(new ComponentSpec(TagClaims.SWAP_PREFIX, PermissionLevel.PLAYER),
                new ComponentSpec(Leaderboard.PAGE_PREFIX, PermissionLevel.EVERYONE));
    }

    /** Handles the event if it is one of its own (a command, component or timer {@code frolf:tag:*}); returns whether it did. */
    public boolean handle(ModuleContext context, GuildEvent event, FrolfSettings settings) {
        switch (event) {
            case InteractionEvent.SlashCommand command when command.name().equals(CLAIM_COMMAND) ->
                    claims.claim(context, command, settings);
            case InteractionEvent.SlashCommand command when command.name().equals(LEADERBOARD_COMMAND) ->
                    leaderboard.command(context, command);
            case InteractionEvent.SlashCommand command when command.name().equals(SEASON_COMMAND) ->
                    seasons.command(context, command);
            case InteractionEvent.ButtonClicked button when button.customId().startsWith(TagClaims.SWAP_PREFIX) ->
                    claims.answer(context, button);
            case InteractionEvent.ButtonClicked button when button.customId().startsWith(Leaderboard.PAGE_PREFIX) ->
                    leaderboard.pageButton(context, button);
            case GuildEvent.TimerFired timer when timer.name().equals(TagClaims.EXPIRY_TIMER) ->
                    claims.expire(context, timer);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A singles round was finalized or its scores overridden: recompute tags (and season points) from all finalized results; idempotent. */
    public void roundResults(ModuleContext context, RoundResults results, FrolfSettings settings) {
        Map<UserId, Integer> before = tags.holders(context.guild());
        seasons.scoreRound(context.guild(), results, before.keySet());
        List<TagMove> moves = tags.applyRound(context.guild(), results, clock.instant());
        tagsMoved(context, moves);
    }

    private void tagsMoved(ModuleContext context, List<TagMove> moves) {
        if (moves.isEmpty()) return;
        seasons.tagsMoved(context.guild());
        leaderboard.refresh(context);
    }
}
