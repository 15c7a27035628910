package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.modules.frolf.seasons.Season;
import dev.guildhall.modules.frolf.seasons.SeasonRepository;
import dev.guildhall.modules.frolf.seasons.SeasonScoring;
import dev.guildhall.modules.frolf.seasons.SeasonStanding;
import dev.guildhall.modules.frolf.seasons.Tier;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /season start|end|standings}, and the season side of a finalized round: points and season-best tags. */
final class SeasonCommands {
    static final int MAX_NAME = 50;
    private static final int STANDINGS_SHOWN = 25;
    private static final int COLOR = 0xF9A825;

    private final SeasonRepository seasons;
    private final TagRepository tags;
    private final Clock clock;

    SeasonCommands(SeasonRepository seasons, TagRepository tags, Clock clock) {
        this.seasons = seasons;
        this.tags = tags;
        this.clock = clock;
    }

    void command(ModuleContext context, InteractionEvent.SlashCommand command) {
        switch (command.subcommand().orElse("")) {
            case "start" -> start(context, command);
            case "end" -> end(context, command);
            case "standings" -> standings(context, command);
            default -> context.replyEphemeral(command, "Use /season start, /season end or /season standings.");
        }
    }

    private void start(ModuleContext context, InteractionEvent.SlashCommand command) {
        String name = command.option("name").map(String::strip).orElse("");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            context.replyEphemeral(command, "name: 1 to " + MAX_NAME + " characters");
            return;
        }
        Optional<Season> started = seasons.start(context.guild(), name, clock.instant());
        if (started.isEmpty()) {
            String running = seasons.active(context.guild()).map(Season::name).orElse("another season");
            context.replyEphemeral(command, "Season \"" + running + "\" is still running; end it with /season end first.");
            return;
        }
        // Tags held when the season opens count as season-best tags from the start, so tiers exist from round one.
        seasons.recordTags(context.guild(), started.get().id(), tags.holders(context.guild()));
        context.reply(command, MessageContent.text("Season **" + name + "** has started: finalized rounds now earn points."),
                false);
    }

    private void end(ModuleContext context, InteractionEvent.SlashCommand command) {
        Optional<Season> active = seasons.active(context.guild());
        if (active.isEmpty() || !seasons.end(context.guild(), active.get().id(), clock.instant())) {
            context.replyEphemeral(command, "No season is running.");
            return;
        }
        context.reply(command, MessageContent.embed(standingsEmbed(context.guild(), active.get(), "final standings")), false);
    }

    private void standings(ModuleContext context, InteractionEvent.SlashCommand command) {
        Optional<Season> latest = seasons.latest(context.guild());
        if (latest.isEmpty()) {
            context.replyEphemeral(command, "There is no season yet; an admin starts one with /season start.");
            return;
        }
        String heading = latest.get().isActive() ? "standings" : "final standings";
        context.reply(command, MessageContent.embed(standingsEmbed(context.guild(), latest.get(), heading)), false);
    }

    Embed standingsEmbed(GuildId guild, Season season, String heading) {
        List<SeasonStanding> standings = seasons.standings(guild, season.id());
        Map<UserId, Tier> tiers = SeasonScoring.tiers(seasons.bestTags(guild, season.id()));
        StringBuilder text = new StringBuilder();
        if (standings.isEmpty()) text.append("No finalized rounds in this season yet.");
        int rank = 0;
        for (int i = 0; i < Math.min(standings.size(), STANDINGS_SHOWN); i++) {
            SeasonStanding s = standings.get(i);
            if (i == 0 || s.points() != standings.get(i - 1).points()) rank = i + 1;
            text.append(rank).append(". <@").append(s.player()).append("> ").append(s.points()).append(" pts · ")
                    .append(s.rounds()).append(s.rounds() == 1 ? " round" : " rounds");
            Optional.ofNullable(tiers.get(s.player())).ifPresent(t -> text.append(" · ").append(tierName(t)));
            text.append('\n');
        }
        return new Embed("Season " + season.name() + ": " + heading, text.toString().strip(), List.of(), COLOR);
    }

    /**
     * Scores a finalized round in the active season (if it was finalized after the season started), replacing any
     * points the round gave before. Tiers use season-best tags from before the round; {@code tagged} are the players
     * who held a tag before it.
     */
    void scoreRound(GuildId guild, RoundResults results, Set<UserId> tagged) {
        Optional<Season> season = seasons.active(guild);
        if (season.isEmpty() || results.finalizedAt().isBefore(season.get().startedAt())) return;
        long id = season.get().id();
        Map<UserId, Tier> tiers = SeasonScoring.tiers(seasons.bestTags(guild, id));
        Map<UserId, Integer> points = SeasonScoring.points(results, new HashSet<>(tagged), tiers,
                seasons.roundsPlayed(guild, id, results.roundId()));
        seasons.replaceRoundPoints(guild, id, results.roundId(), points);
    }

    /** Keeps season-best tags current after tags moved. */
    void tagsMoved(GuildId guild) {
        seasons.active(guild).ifPresent(season -> seasons.recordTags(guild, season.id(), tags.holders(guild)));
    }

    private static String tierName(Tier tier) {
        String name = tier.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
