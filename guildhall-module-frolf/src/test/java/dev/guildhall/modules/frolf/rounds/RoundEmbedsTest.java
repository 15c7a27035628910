package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.EmbedFields;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The round embed stays within Discord's limits (field 1,024, embed 6,000 characters) however large the round. */
class RoundEmbedsTest {
    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    // 18-digit ids, as real snowflakes are: the longest mentions
    private static final long FIRST_USER = 412_345_678_901_234_567L;

    private static Round round(RoundStatus status) {
        return new Round(GuildId.of(1L << 22), 7, new RoundDraft("Big league night", "d".repeat(1500), "Park",
                START), UserId.of(FIRST_USER), status, ChannelId.of(9), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), status == RoundStatus.FINALIZED ? Optional.of(START) : Optional.empty(),
                START);
    }

    private static List<Participant> players(int count, Rsvp rsvp, boolean scored) {
        return LongStream.range(0, count).mapToObj(i -> new Participant(UserId.of(FIRST_USER + i), rsvp,
                scored ? Optional.of((int) (i % 20) - 5) : Optional.empty(), START)).toList();
    }

    private static Embed embed(Round round, List<Participant> participants) {
        return RoundEmbeds.of(round, participants).embeds().getFirst();
    }

    private static void withinLimits(Embed embed) {
        assertThat(embed.fields()).allSatisfy(field -> {
            assertThat(field.value().length()).isLessThanOrEqualTo(EmbedFields.FIELD_VALUE_LIMIT);
            assertThat(field.name().length()).isLessThanOrEqualTo(256);
        });
        assertThat(embed.fields()).hasSizeLessThanOrEqualTo(25);
        assertThat(EmbedFields.length(embed)).isLessThanOrEqualTo(EmbedFields.EMBED_LIMIT);
        assertThat(embed.description().length()).isLessThanOrEqualTo(EmbedFields.DESCRIPTION_LIMIT);
    }

    @Test
    void aRoundWithOneHundredTwentyPlayersShowsThemAllWithinTheLimits() {
        Embed embed = embed(round(RoundStatus.SCHEDULED), players(120, Rsvp.ACCEPTED, false));

        withinLimits(embed);
        String shown = String.join("\n", embed.fields().stream().map(Embed.Field::value).toList());
        for (long i = 0; i < 120; i++) assertThat(shown).contains("<@" + (FIRST_USER + i) + ">");
        assertThat(embed.fields()).extracting(Embed.Field::name).contains("Accepted (120)", "Accepted (120) (cont.)");
    }

    @Test
    void theResultsOfOneHundredTwentyPlayersFitToo() {
        Embed embed = embed(round(RoundStatus.FINALIZED), players(120, Rsvp.ACCEPTED, true));

        withinLimits(embed);
        assertThat(String.join("\n", embed.fields().stream().map(Embed.Field::value).toList()))
                .contains("<@" + FIRST_USER + ">");
    }

    @Test
    void pastTheEmbedsRoomTheRestIsCountedNotCut() {
        Embed embed = embed(round(RoundStatus.SCHEDULED), players(400, Rsvp.ACCEPTED, false));

        withinLimits(embed);
        assertThat(embed.fields()).filteredOn(field -> field.name().startsWith("Accepted")).last()
                .satisfies(field -> assertThat(field.value()).matches("(?s).*… and \\d+ more"));
        assertThat(embed.fields()).extracting(Embed.Field::name).contains("Tentative (0)", "Declined (0)");
        assertThat(embed.fields()).allSatisfy(field -> assertThat(field.value()).doesNotEndWith("<@"));
    }
}
