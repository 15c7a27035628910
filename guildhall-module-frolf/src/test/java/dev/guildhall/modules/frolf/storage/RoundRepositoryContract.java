package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.rounds.Participant;
import dev.guildhall.modules.frolf.rounds.Round;
import dev.guildhall.modules.frolf.rounds.RoundDraft;
import dev.guildhall.modules.frolf.rounds.RoundRepository;
import dev.guildhall.modules.frolf.rounds.RoundStatus;
import dev.guildhall.modules.frolf.rounds.Rsvp;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** What every {@link RoundRepository} must do; a subclass per database runs it. */
abstract class RoundRepositoryContract {
    private static final GuildId GUILD_A = GuildId.of(1_200_000_000_000_000_001L);
    private static final GuildId GUILD_B = GuildId.of(1_200_000_000_000_000_002L);
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00.125Z");
    private static final Instant START = Instant.parse("2026-05-02T18:00:00Z");
    private static final ChannelId EVENTS = ChannelId.of(500);
    private static final UserId ALICE = UserId.of(11);
    private static final UserId BOB = UserId.of(12);

    private Store store;
    private RoundRepository rounds;

    protected abstract StoreSettings freshSettings();

    @BeforeEach
    void openStore() {
        store = FrolfDatabases.open(freshSettings());
        rounds = FrolfStorage.on(store.dataSource()).rounds();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Round create(GuildId guild, String title) {
        return rounds.create(guild, new RoundDraft(title, "Nine holes", "Maple Hill", START), ALICE, EVENTS, NOW);
    }

    @Test
    void roundsAreNumberedFromOnePerGuild() {
        assertThat(create(GUILD_A, "a1").id()).isEqualTo(1);
        assertThat(create(GUILD_A, "a2").id()).isEqualTo(2);
        assertThat(create(GUILD_B, "b1").id()).isEqualTo(1);

        assertThat(rounds.rounds(GUILD_A)).extracting(r -> r.draft().title()).containsExactly("a2", "a1");
        assertThat(rounds.rounds(GUILD_B)).extracting(r -> r.draft().title()).containsExactly("b1");
    }

    @Test
    void aCreatedRoundReadsBackWhole() {
        Round created = create(GUILD_A, "Sunday");

        assertThat(rounds.find(GUILD_A, created.id())).contains(created);
        assertThat(created.status()).isEqualTo(RoundStatus.SCHEDULED);
        assertThat(created.createdAt()).isEqualTo(NOW);
    }

    @Test
    void anUpdateStoresEveryChangeableField() {
        Round created = create(GUILD_A, "Sunday");
        Round changed = created.withDraft(new RoundDraft("Monday", "", "Oak Park", START.plusSeconds(86_400)))
                .withPosted(MessageId.of(777), Optional.of(888L))
                .reminded(ChannelId.of(999), NOW.plusSeconds(60))
                .started()
                .finalized(NOW.plusSeconds(120));

        rounds.update(changed);

        assertThat(rounds.find(GUILD_A, created.id())).contains(changed);
    }

    @Test
    void anotherGuildCanNeitherReadNorChangeNorDeleteARound() {
        Round a = create(GUILD_A, "Sunday");
        rounds.setRsvp(GUILD_A, a.id(), ALICE, Rsvp.ACCEPTED, NOW);

        assertThat(rounds.find(GUILD_B, a.id())).isEmpty();
        assertThat(rounds.participants(GUILD_B, a.id())).isEmpty();
        Round forged = new Round(GUILD_B, a.id(), new RoundDraft("Stolen", "", "", START), BOB, RoundStatus.FINALIZED,
                EVENTS, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), NOW);
        rounds.update(forged);
        rounds.delete(GUILD_B, a.id());

        assertThat(rounds.find(GUILD_A, a.id())).contains(a);
        assertThat(rounds.participants(GUILD_A, a.id())).hasSize(1);
    }

    @Test
    void rsvpsAreKeptInAnswerOrderAndAChangeKeepsThePlace() {
        Round round = create(GUILD_A, "Sunday");

        rounds.setRsvp(GUILD_A, round.id(), BOB, Rsvp.TENTATIVE, NOW);
        rounds.setRsvp(GUILD_A, round.id(), ALICE, Rsvp.ACCEPTED, NOW.plusSeconds(1));
        rounds.setRsvp(GUILD_A, round.id(), BOB, Rsvp.DECLINED, NOW.plusSeconds(2));

        assertThat(rounds.participants(GUILD_A, round.id())).extracting(Participant::user, Participant::rsvp)
                .containsExactly(tuple(BOB, Rsvp.DECLINED), tuple(ALICE, Rsvp.ACCEPTED));
    }

    @Test
    void aScoreJoinsANewPlayerAsAcceptedAndAnRsvpKeepsTheScore() {
        Round round = create(GUILD_A, "Sunday");
        rounds.setRsvp(GUILD_A, round.id(), ALICE, Rsvp.TENTATIVE, NOW);

        rounds.setScore(GUILD_A, round.id(), ALICE, Optional.of(-3), NOW.plusSeconds(5));
        rounds.setScore(GUILD_A, round.id(), BOB, Optional.of(4), NOW.plusSeconds(6));
        rounds.setRsvp(GUILD_A, round.id(), BOB, Rsvp.ACCEPTED, NOW.plusSeconds(7));

        List<Participant> participants = rounds.participants(GUILD_A, round.id());
        assertThat(participants).extracting(Participant::user, Participant::rsvp, Participant::score).containsExactly(
                tuple(ALICE, Rsvp.ACCEPTED, Optional.of(-3)), tuple(BOB, Rsvp.ACCEPTED, Optional.of(4)));
        assertThat(participants.getFirst().respondedAt()).isEqualTo(NOW);
    }

    @Test
    void anEmptyScoreMarksDidNotFinish() {
        Round round = create(GUILD_A, "Sunday");
        rounds.setScore(GUILD_A, round.id(), ALICE, Optional.of(2), NOW);

        rounds.setScore(GUILD_A, round.id(), ALICE, Optional.empty(), NOW);

        assertThat(rounds.participants(GUILD_A, round.id())).extracting(Participant::score).containsExactly(Optional.empty());
    }

    @Test
    void deletingARoundDropsItsParticipantsOnly() {
        Round first = create(GUILD_A, "first");
        Round second = create(GUILD_A, "second");
        rounds.setRsvp(GUILD_A, first.id(), ALICE, Rsvp.ACCEPTED, NOW);
        rounds.setRsvp(GUILD_A, second.id(), BOB, Rsvp.ACCEPTED, NOW);

        rounds.delete(GUILD_A, first.id());

        assertThat(rounds.find(GUILD_A, first.id())).isEmpty();
        assertThat(rounds.participants(GUILD_A, first.id())).isEmpty();
        assertThat(rounds.participants(GUILD_A, second.id())).extracting(Participant::user).containsExactly(BOB);
        assertThat(create(GUILD_A, "third").id()).isEqualTo(3);
    }
}
