package dev.guildhall.modules.frolf.signup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.modules.frolf.FakeDiscord;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.modules.frolf.FrolfSettings;
import dev.guildhall.modules.frolf.InMemorySignups;
import dev.guildhall.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignupTest {
    private static final GuildId GUILD = GuildId.of(93L << 22);
    private static final ChannelId CHANNEL = ChannelId.of(520);
    private static final RoleId PLAYER = RoleId.of(530);
    private final FakeDiscord discord = new FakeDiscord();
    private final MutableClock clock = new MutableClock();
    private final InMemorySignups messages = new InMemorySignups();
    private final Signup signup = new Signup(messages, clock);
    private final FrolfSettings settings = new FrolfSettings(ZoneId.of("UTC"), "", Duration.ofHours(1), 100,
            "Sign up for <@&1> @everyone!", "✅");

    private ModuleContext context(ChannelId signupChannel) {
        GuildConfig config = new GuildConfig(GUILD, SetupStatus.COMPLETE, SetupSettings.DEFAULTS,
                Map.of(FrolfResources.SIGNUP.key(), ManagedResource.created(signupChannel.value())),
                Map.of(RoleKind.PLAYER.key(), ManagedResource.created(PLAYER.value())), Set.of("frolf"),
                Optional.empty(), clock.instant());
        Envelope envelope = new Envelope("e1", GUILD, 0, clock.instant(), new GuildEvent.GuildJoined("g"), Map.of());
        return new ModuleContext(envelope, Optional.of(config), PermissionLevel.ADMIN, discord, clock);
    }

    @Test
    void enablingPostsTheConfiguredMessageOnceWithTheBotsReaction() {
        signup.ensurePosted(context(CHANNEL), settings);
        signup.ensurePosted(context(CHANNEL), settings);

        assertThat(discord.actions(Action.SendMessage.class)).singleElement()
                .satisfies(send -> assertThat(send.message().content()).isEqualTo("Sign up for <@&1> @everyone!"));
        assertThat(discord.actions(Action.AddReaction.class)).singleElement()
                .satisfies(reaction -> assertThat(reaction.emoji()).isEqualTo("✅"));
    }

    @Test
    void aReplacedSignupChannelGetsTheMessageAgain() {
        signup.ensurePosted(context(CHANNEL), settings);
        signup.ensurePosted(context(ChannelId.of(521)), settings);

        assertThat(discord.actions(Action.SendMessage.class)).extracting(Action.SendMessage::channel)
                .containsExactly(CHANNEL, ChannelId.of(521));
    }

    @Test
    void onlyTheSignupEmojiOnTheSignupMessageGivesThePlayerRole() {
        signup.ensurePosted(context(CHANNEL), settings);
        MessageId message = messages.find(GUILD).orElseThrow().message();
        UserId newcomer = UserId.of(77);

        assertThat(signup.reacted(context(CHANNEL), new GuildEvent.ReactionAdded(CHANNEL, message, newcomer, "✅")))
                .isTrue();
        assertThat(signup.reacted(context(CHANNEL), new GuildEvent.ReactionAdded(CHANNEL, message, UserId.of(78), "👍")))
                .isFalse();
        assertThat(signup.reacted(context(CHANNEL),
                new GuildEvent.ReactionAdded(CHANNEL, MessageId.of(999), UserId.of(79), "✅"))).isFalse();

        assertThat(discord.actions(Action.AddMemberRole.class))
                .containsExactly(new Action.AddMemberRole(GUILD, newcomer, PLAYER));
    }
}
