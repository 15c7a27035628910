package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundFormTest {
    private static final Instant NOW = Instant.parse("2026-03-28T12:00:00Z");

    private static ModalSubmitted modal(Map<String, String> values) {
        return new ModalSubmitted(new InteractionRef("i1", ChannelId.of(5), Optional.empty()),
                new Invoker(UserId.of(1), "p", Set.of(), false), "frolf:round:create", values);
    }

    @Test
    void theStartIsLocalTimeInTheGuildsZoneAcrossADaylightSavingChange() {
        RoundDraft draft = RoundForm.draft(modal(Map.of("title", " Spring ", "start", "2026-03-29 10:00")),
                ZoneId.of("Europe/Berlin"), NOW);

        assertThat(draft.start()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z")); // CEST, the day clocks go forward
        assertThat(draft.title()).isEqualTo("Spring");
    }

    @Test
    void impossibleDatesAreRefused() {
        assertThatThrownBy(() -> RoundForm.draft(modal(Map.of("title", "x", "start", "2026-02-30 10:00")),
                ZoneId.of("UTC"), NOW)).hasMessageContaining("start: a date and time as YYYY-MM-DD HH:MM");
    }

    @Test
    void scoresAcceptAPlusSignAndTheBoundsButNothingBeyond() {
        assertThat(RoundForm.score(modal(Map.of("score", "+72")), false)).contains(72);
        assertThat(RoundForm.score(modal(Map.of("score", "-36")), false)).contains(-36);
        assertThat(RoundForm.score(modal(Map.of("score", "")), true)).isEmpty();
        for (String bad : List.of("-37", "73", "", "1.5", "ten")) {
            assertThatThrownBy(() -> RoundForm.score(modal(Map.of("score", bad)), false)).as(bad)
                    .hasMessageContaining("score: a whole number from -36 to 72");
        }
    }

    @Test
    void aPlayerIsAnIdOrAMention() {
        assertThat(RoundForm.player(modal(Map.of("player", "<@!123>")))).isEqualTo(UserId.of(123));
        assertThat(RoundForm.player(modal(Map.of("player", "<@123>")))).isEqualTo(UserId.of(123));
        assertThat(RoundForm.player(modal(Map.of("player", " 123 ")))).isEqualTo(UserId.of(123));
        assertThatThrownBy(() -> RoundForm.player(modal(Map.of("player", "@bob")))).hasMessageContaining("player:");
        assertThatThrownBy(() -> RoundForm.player(modal(Map.of("player", "0")))).hasMessageContaining("player:");
    }

    @Test
    void resultsUseCompetitionRankingAndListNonFinishersLast() {
        Instant at = NOW;
        List<Participant> participants = List.of(
                new Participant(UserId.of(1), Rsvp.ACCEPTED, Optional.of(2), at),
                new Participant(UserId.of(2), Rsvp.ACCEPTED, Optional.empty(), at),
                new Participant(UserId.of(3), Rsvp.ACCEPTED, Optional.of(-1), at),
                new Participant(UserId.of(4), Rsvp.DECLINED, Optional.empty(), at),
                new Participant(UserId.of(5), Rsvp.ACCEPTED, Optional.of(-1), at),
                new Participant(UserId.of(6), Rsvp.ACCEPTED, Optional.of(0), at));

        assertThat(String.join("\n", RoundEmbeds.results(participants))).isEqualTo("1. <@3> -1\n1. <@5> -1\n3. <@6> E\n4. <@1> +2\nDNF <@2>");
    }
}
