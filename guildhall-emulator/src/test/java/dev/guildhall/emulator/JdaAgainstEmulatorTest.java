package dev.guildhall.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ScheduledEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdaAgainstEmulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private DiscordEmulator emulator;
    private JDA jda;

    @BeforeEach
    void startEmulator() {
        emulator = DiscordEmulator.start(EmulatorOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (jda != null) {
            jda.shutdownNow();
        }
        emulator.close();
    }

    private static long id(JsonNode node) {
        return Long.parseUnsignedLong(node.get("id").asText());
    }

    @Test
    void jdaReachesReadyAndSeesAJoinedGuildWithItsChannelsAndRoles() throws Exception {
        EmulatorControl control = emulator.control();
        JsonNode created = control.createGuild("Frolf Club", "owner");
        long guildId = id(created);
        control.botJoin(guildId);
        control.createRoleAsUser(guildId, "Players", 0);

        jda = JdaClient.connect(emulator);

        assertThat(jda.getSelfUser().getIdLong()).isEqualTo(emulator.botUserId());
        assertThat(jda.getSelfUser().getApplicationIdLong()).isEqualTo(emulator.applicationId());
        Guild guild = jda.getGuildById(guildId);
        assertThat(guild).isNotNull();
        assertThat(guild.getName()).isEqualTo("Frolf Club");
        assertThat(guild.getTextChannels()).extracting(c -> c.getName()).containsExactly("general");
        assertThat(guild.getRoles()).extracting(r -> r.getName()).contains("Admin", "Players");
        assertThat(guild.getPublicRole().getIdLong()).isEqualTo(guildId);
        assertThat(guild.getSelfMember()).isNotNull();
    }

    @Test
    void jdaParsesThreadsAndScheduledEventsFromRestAndFromGuildCreate() throws Exception {
        EmulatorControl control = emulator.control();
        long guildId = id(control.createGuild("Event Club", "owner"));
        control.botJoin(guildId);
        jda = eventAwareJda();
        Guild guild = jda.getGuildById(guildId);
        var general = guild.getTextChannels().getFirst();
        long message = general.sendMessage("Sunday round").complete().getIdLong();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0);

        var thread = general.createThreadChannel("Reminder", message).complete();
        var event = guild.createScheduledEvent("Sunday round", "Maple Hill", start, start.plusHours(3)).complete();
        thread.sendMessage("in one hour").complete();

        assertThat(thread.getIdLong()).isEqualTo(message);
        assertThat(thread.getParentChannel().getIdLong()).isEqualTo(general.getIdLong());
        assertThat(event.getLocation()).isEqualTo("Maple Hill");
        assertThat(event.getStartTime().toInstant()).isEqualTo(start.toInstant());
        jda.shutdownNow();
        jda.awaitShutdown(WAIT);

        jda = eventAwareJda();
        Guild reloaded = jda.getGuildById(guildId);
        assertThat(reloaded.getThreadChannels()).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("Reminder");
            assertThat(t.getParentChannel().getIdLong()).isEqualTo(general.getIdLong());
        });
        assertThat(reloaded.getScheduledEvents()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("Sunday round");
            assertThat(e.getType()).isEqualTo(ScheduledEvent.Type.EXTERNAL);
            assertThat(e.getEndTime().toInstant()).isEqualTo(start.plusHours(3).toInstant());
        });
    }

    private JDA eventAwareJda() throws InterruptedException {
        return JdaClient.builder(emulator).enableIntents(GatewayIntent.SCHEDULED_EVENTS)
                .enableCache(CacheFlag.SCHEDULED_EVENTS).build().awaitReady();
    }

    @Test
    void channelCreatedThroughJdaIsAGatewayEventAndPartOfTheGuild() throws Exception {
        EmulatorControl control = emulator.control();
        long guildId = id(control.createGuild("Club", "owner"));
        control.botJoin(guildId);
        jda = JdaClient.connect(emulator);

        var channel = jda.getGuildById(guildId).createTextChannel("Round Signups").complete();

        assertThat(channel.getName()).isEqualTo("round-signups");
        control.awaitEvent(e -> e.type().equals("CHANNEL_CREATE"), WAIT);
        assertThat(control.guild(guildId).get("channels").findValuesAsText("name")).contains("round-signups");
        assertThat(control.requests()).anySatisfy(r -> {
            assertThat(r.route()).isEqualTo("/guilds/{guild_id}/channels");
            assertThat(r.status()).isEqualTo(201);
        });
    }

    @Test
    void slashCommandReachesJdaAndTheReplyIsVisibleThroughTheControlApi() throws Exception {
        EmulatorControl control = emulator.control();
        JsonNode created = control.createGuild("Club", "owner");
        long guildId = id(created);
        long channelId = id(created.get("channels").get(0));
        long ownerId = Long.parseUnsignedLong(created.get("owner_id").asText());
        control.botJoin(guildId);

        jda = JdaClient.connect(emulator, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                String course = event.getOption("course", "?", o -> o.getAsString());
                event.reply(event.getFullCommandName() + " at " + course).queue();
            }
        });
        jda.getGuildById(guildId).updateCommands().addCommands(
                Commands.slash("round", "Rounds").addSubcommands(
                        new SubcommandData("create", "Create a round").addOption(OptionType.STRING, "course", "Course", true)))
                .complete();

        InteractionOutcome outcome = control.invokeCommand(guildId, channelId, ownerId, "round create",
                Map.of("course", "Maple Hill"), WAIT);

        assertThat(outcome.response()).isPresent();
        assertThat(outcome.response().get().get("type").asInt()).isEqualTo(4);
        assertThat(outcome.response().get().at("/data/content").asText()).isEqualTo("round create at Maple Hill");
        assertThat(outcome.original()).isPresent();
        List<JsonNode> messages = control.messages(channelId);
        assertThat(messages).extracting(m -> m.get("content").asText()).contains("round create at Maple Hill");
        control.awaitEvent(e -> e.type().equals("MESSAGE_CREATE")
                && e.data().get("content").asText().equals("round create at Maple Hill"), WAIT);
    }

    @Test
    void aCommandThatIsNotRegisteredIsRejected() {
        EmulatorControl control = emulator.control();
        JsonNode created = control.createGuild("Club", "owner");
        long guildId = id(created);
        control.botJoin(guildId);
        assertThatThrownBy(() -> control.invokeCommand(guildId, id(created.get("channels").get(0)),
                Long.parseUnsignedLong(created.get("owner_id").asText()), "setup", Map.of(), WAIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoShardsEachReceiveOnlyTheirOwnGuilds() throws Exception {
        EmulatorControl control = emulator.control();
        long onShard0 = 0;
        long onShard1 = 0;
        while (onShard0 == 0 || onShard1 == 0) {
            long guildId = id(control.createGuild("Club", "owner"));
            control.botJoin(guildId);
            if (Snowflakes.shardOf(guildId, 2) == 0 && onShard0 == 0) {
                onShard0 = guildId;
            } else if (Snowflakes.shardOf(guildId, 2) == 1 && onShard1 == 0) {
                onShard1 = guildId;
            } else {
                control.botLeave(guildId);
            }
        }
        JDA shard0 = JdaClient.builder(emulator).useSharding(0, 2).build();
        JDA shard1 = JdaClient.builder(emulator).useSharding(1, 2).build();
        try {
            shard0.awaitReady();
            shard1.awaitReady();
            assertThat(shard0.getGuilds()).extracting(Guild::getIdLong).containsExactly(onShard0);
            assertThat(shard1.getGuilds()).extracting(Guild::getIdLong).containsExactly(onShard1);

            long target = onShard1;
            control.createChannelAsUser(target, "late-channel");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (shard1.getGuildById(target).getTextChannelsByName("late-channel", false).isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(shard1.getGuildById(target).getTextChannelsByName("late-channel", false)).hasSize(1);
            assertThat(control.events()).filteredOn(e -> e.type().equals("CHANNEL_CREATE"))
                    .allSatisfy(e -> assertThat(e.shard()).isEqualTo(1));
        } finally {
            shard0.shutdownNow();
            shard1.shutdownNow();
        }
    }
}
