package dev.guildhall.discord;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeIdsTest {
    @Test
    void theSameDispatchDeliveredTwiceGetsTheSameId() {
        assertThat(EnvelopeIds.derive("message_posted", 10L, 0, "t.42", 77L))
                .isEqualTo(EnvelopeIds.derive("message_posted", 10L, 0, "t.42", 77L));
    }

    @Test
    void anotherOccurrenceOnTheSameEntitiesDiffersBySequence() {
        assertThat(EnvelopeIds.derive("reaction_added", 10L, 0, "t.42", "👍", 77L, 5L))
                .isNotEqualTo(EnvelopeIds.derive("reaction_added", 10L, 0, "t.43", "👍", 77L, 5L));
    }

    @Test
    void kindGuildShardEntitiesAndEmojiAllTakePart() {
        String base = EnvelopeIds.derive("reaction_added", 10L, 0, "t.42", "👍", 77L, 5L);

        assertThat(base).isNotEqualTo(EnvelopeIds.derive("reaction_added", 11L, 0, "t.42", "👍", 77L, 5L))
                .isNotEqualTo(EnvelopeIds.derive("reaction_added", 10L, 1, "t.42", "👍", 77L, 5L))
                .isNotEqualTo(EnvelopeIds.derive("reaction_added", 10L, 0, "t.42", "👎", 77L, 5L))
                .isNotEqualTo(EnvelopeIds.derive("reaction_added", 10L, 0, "t.42", "👍", 77L, 6L))
                .isNotEqualTo(EnvelopeIds.derive("member_joined", 10L, 0, "t.42", "👍", 77L, 5L));
    }

    @Test
    void snowflakesAreWrittenUnsigned() {
        assertThat(EnvelopeIds.derive("guild_left", -1L, 0, "t.1")).contains("18446744073709551615");
    }
}
