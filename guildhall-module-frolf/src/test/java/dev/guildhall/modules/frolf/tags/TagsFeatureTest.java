package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.FrolfSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.didNotFinish;
import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.scored;
import static dev.guildhall.modules.frolf.tags.TagsFixture.GUILD;
import static dev.guildhall.modules.frolf.tags.TagsFixture.LEADERBOARD;
import static dev.guildhall.modules.frolf.tags.TagsFixture.player;
import static org.assertj.core.api.Assertions.assertThat;

class TagsFeatureTest {
    private final TagsFixture f = new TagsFixture();
    private final Invoker ann = player(1), ben = player(2), cat = player(3);

    @Test
    void claimingAFreeTagAssignsItAtOnceAndPostsTheLeaderboardThenEditsIt() {
        f.claim(ann, 5);

        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 5));
        assertThat(f.lastReply()).contains("<@1> claimed tag #5");
        assertThat(f.lastReplyIsEphemeral()).isFalse();
        Action.SendMessage posted = f.discord.last(Action.SendMessage.class);
        assertThat(posted.channel()).isEqualTo(LEADERBOARD);
        assertThat(posted.message().embeds().getFirst().description()).contains("**#5** <@1>");

        f.claim(ben, 2);

        Action.EditMessage edited = f.discord.last(Action.EditMessage.class);
        assertThat(edited.message()).isEqualTo(f.tags.leaderboardMessage(GUILD).orElseThrow().message());
        assertThat(edited.content().embeds().getFirst().description()).startsWith("**#2** <@2>\n**#5** <@1>");
        assertThat(f.discord.actions(Action.SendMessage.class)).hasSize(1);
    }

    @Test
    void aTagOutsideOneToTheMaximumIsRefusedNamingTheField() {
        f.settings = new FrolfSettings(ZoneId.of("UTC"), "", Duration.ofHours(1), 20);

        f.claim(ann, 0);
        assertThat(f.lastReply()).isEqualTo("number: must be a tag from 1 to 20");
        f.claim(ann, 21);
        assertThat(f.lastReply()).isEqualTo("number: must be a tag from 1 to 20");
        assertThat(f.lastReplyIsEphemeral()).isTrue();
        f.claim(ann, 20);
        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 20));
    }

    @Test
    void claimingAnotherFreeTagReleasesTheOldOne() {
        f.claim(ann, 5);
        f.claim(ann, 3);

        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 3));
        assertThat(f.lastReply()).contains("Tag #5 is free again");
    }

    @Test
    void claimingAHeldTagAsksTheHolderWithButtonsThatExpireIn48Hours() {
        f.claim(ann, 1);
        f.claim(ben, 7);
        f.discord.clear();

        f.claim(ben, 1);

        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 1, ben.user(), 7));
        Action.SendMessage request = f.discord.last(Action.SendMessage.class);
        assertThat(request.channel()).isEqualTo(LEADERBOARD);
        assertThat(request.message().content()).startsWith("<@1>, <@2> asks for your tag #1: you would get tag #7");
        assertThat(request.message().buttons()).extracting(ButtonSpec::customId)
                .containsExactly("frolf:tag:swap:accept:1", "frolf:tag:swap:decline:1");
        assertThat(f.timers.pending.get("frolf:tag:swap-expiry/1").at()).isEqualTo(f.clock.instant().plus(Duration.ofHours(48)));
        assertThat(f.lastReplyIsEphemeral()).isTrue();
        assertThat(f.lastReply()).contains("held by <@1>");

        f.claim(ben, 1);
        assertThat(f.lastReply()).contains("already asked <@1>");
        assertThat(f.tags.swap(GUILD, 2)).isEmpty();
    }

    @Test
    void onlyTheHolderMayAnswerASwapRequest() {
        f.claim(ann, 1);
        f.claim(ben, 1);

        f.click(ben, "frolf:tag:swap:accept:1");
        f.click(cat, "frolf:tag:swap:accept:1");

        assertThat(f.lastReply()).isEqualTo("Only <@1> can answer this swap request.");
        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 1));
        assertThat(f.tags.swap(GUILD, 1).orElseThrow().isPending()).isTrue();
    }

    @Test
    void anAcceptedSwapExchangesTheTagsAndBothPlayersAreTold() {
        f.claim(ann, 1);
        f.claim(ben, 7);
        f.claim(ben, 1);
        f.discord.clear();

        f.click(ann, "frolf:tag:swap:accept:1");

        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ben.user(), 1, ann.user(), 7));
        String outcome = "<@1> accepted: <@2> now holds tag #1 and <@1> holds tag #7.";
        assertThat(f.discord.last(Action.UpdateSourceMessage.class).message().content()).isEqualTo(outcome);
        assertThat(f.discord.last(Action.UpdateSourceMessage.class).message().buttons()).isEmpty();
        assertThat(f.discord.actions(Action.SendMessage.class)).extracting(s -> s.message().content()).contains(outcome);
        assertThat(f.timers.pending).doesNotContainKey("frolf:tag:swap-expiry/1");
        assertThat(f.discord.last(Action.EditMessage.class).content().embeds().getFirst().description())
                .startsWith("**#1** <@2>\n**#7** <@1>");

        f.click(ann, "frolf:tag:swap:decline:1");
        assertThat(f.lastReply()).isEqualTo("This swap request is no longer open.");
    }

    @Test
    void aDeclinedSwapMovesNothingAndBothPlayersAreTold() {
        f.claim(ann, 1);
        f.claim(ben, 1);
        f.discord.clear();

        f.click(ann, "frolf:tag:swap:decline:1");

        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 1));
        assertThat(f.discord.last(Action.SendMessage.class).message().content())
                .isEqualTo("<@1> declined to swap tag #1 with <@2>.");
        assertThat(f.tags.swap(GUILD, 1).orElseThrow().status()).isEqualTo(SwapRequest.Status.DECLINED);
    }

    @Test
    void anUnansweredSwapRequestExpiresAfter48Hours() {
        f.claim(ann, 1);
        f.claim(ben, 1);
        long requestMessage = f.tags.swap(GUILD, 1).orElseThrow().message().orElseThrow().value();

        f.advance(Duration.ofHours(47));
        assertThat(f.tags.swap(GUILD, 1).orElseThrow().isPending()).isTrue();
        f.advance(Duration.ofHours(1));

        assertThat(f.tags.swap(GUILD, 1).orElseThrow().status()).isEqualTo(SwapRequest.Status.EXPIRED);
        Action.EditMessage edited = f.discord.last(Action.EditMessage.class);
        assertThat(edited.message()).isEqualTo(MessageId.of(requestMessage));
        assertThat(edited.content().buttons()).isEmpty();
        assertThat(f.discord.last(Action.SendMessage.class).message().content())
                .isEqualTo("<@2>'s request for tag #1 from <@1> expired without an answer.");
        f.click(ann, "frolf:tag:swap:accept:1");
        assertThat(f.lastReply()).isEqualTo("This swap request is no longer open.");
        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 1));
    }

    @Test
    void aSwapWhoseTagChangedHandsIsCancelledOnAccept() {
        f.claim(ann, 1);
        f.claim(ben, 2);
        f.claim(cat, 1);
        f.roundResults(new RoundResults(1, true, f.clock.instant(), List.of(scored(ben.user(), -2), scored(ann.user(), 0))));

        f.click(ann, "frolf:tag:swap:accept:1");

        assertThat(f.tags.swap(GUILD, 1).orElseThrow().status()).isEqualTo(SwapRequest.Status.CANCELLED);
        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ben.user(), 1, ann.user(), 2));
    }

    @Test
    void theLeaderboardIsPaginatedByTen() {
        for (int i = 1; i <= 23; i++) f.claim(player(100 + i), i);

        f.command(player(1), "leaderboard", null, Map.of("page", "2"));

        Action.Reply reply = f.discord.last(Action.Reply.class);
        Embed embed = reply.message().embeds().getFirst();
        assertThat(embed.description()).contains("**#11** <@111>", "**#20** <@120>", "Page 2 of 3 · 23 tags held")
                .doesNotContain("**#10** ", "**#21** ");
        assertThat(reply.message().buttons()).extracting(ButtonSpec::customId)
                .containsExactly("frolf:lb:page:1", "frolf:lb:page:3");

        f.click(TagsFixture.at(dev.guildhall.core.command.PermissionLevel.EVERYONE, 9), "frolf:lb:page:3");

        Action.UpdateSourceMessage page3 = f.discord.last(Action.UpdateSourceMessage.class);
        assertThat(page3.message().embeds().getFirst().description()).contains("**#21** <@121>", "**#23** <@123>");
        assertThat(page3.message().buttons()).extracting(ButtonSpec::customId).containsExactly("frolf:lb:page:2");
    }

    @Test
    void anEmptyLeaderboardSaysHowToClaim() {
        f.command(player(1), "leaderboard", null, Map.of());

        assertThat(f.discord.last(Action.Reply.class).message().embeds().getFirst().description())
                .isEqualTo("No one holds a tag yet. Claim one with /claimtag.");
    }

    @Test
    void aDeletedLeaderboardMessageIsPostedAgain() {
        f.claim(ann, 4);
        long first = f.tags.leaderboardMessage(GUILD).orElseThrow().message().value();
        f.discord.deletedMessages.add(first);

        f.claim(ben, 6);

        long second = f.tags.leaderboardMessage(GUILD).orElseThrow().message().value();
        assertThat(second).isNotEqualTo(first);
        assertThat(f.discord.last(Action.SendMessage.class).message().embeds().getFirst().description())
                .contains("**#4** <@1>", "**#6** <@2>");
    }

    @Test
    void aLeaderboardThatCannotBeEditedDoesNotUndoOrRepeatTheClaim() {
        f.claim(ann, 4);
        f.discord.failEdits = true;

        f.claim(ben, 6);

        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 4, ben.user(), 6));
        assertThat(f.lastReply()).contains("<@2> claimed tag #6");
        assertThat(f.discord.actions(Action.SendMessage.class)).hasSize(1);
    }

    @Test
    void aSwapRequestWhoseMessageWasDeletedStillExpiresAndTellsBoth() {
        f.claim(ann, 1);
        f.claim(ben, 1);
        f.discord.deletedMessages.add(f.tags.swap(GUILD, 1).orElseThrow().message().orElseThrow().value());

        f.advance(Duration.ofHours(48));

        assertThat(f.tags.swap(GUILD, 1).orElseThrow().status()).isEqualTo(SwapRequest.Status.EXPIRED);
        assertThat(f.discord.last(Action.SendMessage.class).message().content()).contains("expired without an answer");
    }

    @Test
    void roundResultsMoveTagsOnceAndRefreshTheLeaderboard() {
        f.claim(ann, 1);
        f.claim(ben, 2);
        f.claim(cat, 3);
        RoundResults round = new RoundResults(8, true, f.clock.instant(),
                List.of(scored(cat.user(), -1), scored(ann.user(), 2), didNotFinish(ben.user())));
        f.discord.clear();

        f.roundResults(round);
        f.roundResults(round);

        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(cat.user(), 1, ben.user(), 2, ann.user(), 3));
        assertThat(f.discord.actions(Action.EditMessage.class)).hasSize(1);
        assertThat(f.tags.history(GUILD, 2)).allSatisfy(m -> assertThat(m.roundId()).contains(8L));
    }

    @Test
    void aSeasonAwardsPointsForFinalizedRoundsAndShowsStandings() {
        Invoker admin = TagsFixture.admin(50);
        f.claim(ann, 1);
        f.claim(ben, 2);
        f.claim(cat, 3);

        f.command(admin, "season", "start", Map.of("name", "Spring"));
        assertThat(f.lastReply()).contains("Season **Spring** has started");
        f.command(admin, "season", "start", Map.of("name", "Again"));
        assertThat(f.lastReply()).contains("\"Spring\" is still running");

        f.roundResults(new RoundResults(1, true, f.clock.instant(),
                List.of(scored(cat.user(), -3), scored(ben.user(), 0), scored(ann.user(), 1))));
        f.command(admin, "season", "standings", Map.of());

        Embed standings = f.discord.last(Action.Reply.class).message().embeds().getFirst();
        assertThat(standings.title()).isEqualTo("Season Spring: standings");
        // Cat beats two tagged players (first season round: no tier bonus); Ben beats Ann. Tiers now: Ann and Cat
        // both have season-best tag 1 (Ann before, Cat after the round), Ben 2: Ann Gold, Cat Silver, Ben Bronze.
        assertThat(standings.description()).isEqualTo("""
                1. <@3> 200 pts · 1 round · Silver
                2. <@2> 100 pts · 1 round · Bronze
                3. <@1> 0 pts · 1 round · Gold""");

        f.command(admin, "season", "end", Map.of());
        assertThat(f.discord.last(Action.Reply.class).message().embeds().getFirst().title())
                .isEqualTo("Season Spring: final standings");
        f.command(admin, "season", "end", Map.of());
        assertThat(f.lastReply()).isEqualTo("No season is running.");
    }

    @Test
    void anOverriddenRoundReplacesItsSeasonPointsInsteadOfAddingToThem() {
        f.claim(ann, 1);
        f.claim(ben, 2);
        f.command(TagsFixture.admin(50), "season", "start", Map.of("name", "Autumn"));
        long season = f.seasons.active(GUILD).orElseThrow().id();

        f.roundResults(new RoundResults(3, true, f.clock.instant(), List.of(scored(ben.user(), -1), scored(ann.user(), 0))));
        f.roundResults(new RoundResults(3, true, f.clock.instant(), List.of(scored(ben.user(), 1), scored(ann.user(), 0))));

        assertThat(f.seasons.standings(GUILD, season)).containsExactly(
                new dev.guildhall.modules.frolf.seasons.SeasonStanding(ann.user(), 100, 1),
                new dev.guildhall.modules.frolf.seasons.SeasonStanding(ben.user(), 0, 1));
        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 1, ben.user(), 2));
    }

    @Test
    void roundsFinalizedOutsideASeasonEarnNoPoints() {
        f.claim(ann, 1);
        f.claim(ben, 2);
        f.roundResults(new RoundResults(1, true, f.clock.instant(), List.of(scored(ben.user(), -1), scored(ann.user(), 0))));

        f.command(TagsFixture.admin(50), "season", "standings", Map.of());

        assertThat(f.lastReply()).contains("There is no season yet");
        assertThat(f.seasons.active(GUILD)).isEmpty();
    }

    @Test
    void twoGuildsOnOneStoreNeverSeeEachOthersTagsSwapsOrSeasons() {
        TagsFixture other = new TagsFixture(dev.guildhall.core.id.GuildId.of(92L << 22), f.tags, f.seasons);
        f.claim(ann, 1);
        f.claim(ben, 1);
        f.command(TagsFixture.admin(50), "season", "start", Map.of("name", "Here"));

        other.claim(cat, 1);
        other.click(player(1), "frolf:tag:swap:accept:1");
        other.command(TagsFixture.admin(60), "season", "start", Map.of("name", "There"));

        assertThat(other.lastReply()).contains("Season **There** has started");
        assertThat(f.tags.holders(GUILD)).isEqualTo(Map.of(ann.user(), 1));
        assertThat(f.tags.holders(other.guild)).isEqualTo(Map.of(cat.user(), 1));
        assertThat(f.tags.swap(GUILD, 1).orElseThrow().isPending()).isTrue();
        assertThat(f.seasons.active(GUILD).orElseThrow().name()).isEqualTo("Here");
        assertThat(f.seasons.active(other.guild).orElseThrow().name()).isEqualTo("There");
    }

    @Test
    void eventsOfOtherFrolfFeaturesAreLeftAlone() {
        GuildEvent reminder = new GuildEvent.TimerFired("frolf:reminder", "3");
        GuildEvent otherReaction = new GuildEvent.ReactionAdded(LEADERBOARD, MessageId.of(5), UserId.of(5), "🥏");

        f.dispatch(reminder);
        f.dispatch(otherReaction);
        f.click(TagsFixture.admin(50), "frolf:rsvp:accept:1"); // an admin, so the dispatcher lets it through

        assertThat(f.handled).containsEntry(reminder, false).containsEntry(otherReaction, false);
        assertThat(f.handled.values()).containsOnly(false);
        assertThat(f.discord.actions).allSatisfy(a -> assertThat(a).isInstanceOf(Action.SyncGuildCommands.class));
    }
}
