package dev.guildhall.modules.frolf.signup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.modules.frolf.FrolfSettings;

import java.time.Clock;
import java.util.Optional;

/**
 * The signup message in the module's signup channel: posted when frolf is enabled in a guild (again if its channel
 * was replaced), with the bot's own reaction; a member who reacts with the same emoji gets the platform's Player role.
 */
public final class Signup {
    private final SignupRepository messages;
    private final Clock clock;

    public Signup(SignupRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Posts the signup message unless the signup channel already holds it; idempotent. */
    public void ensurePosted(ModuleContext context, FrolfSettings settings) {
        Optional<ChannelId> channel = context.config().flatMap(c -> c.liveChannel(FrolfResources.SIGNUP.key()))
                .map(ManagedResource::id).map(ChannelId::of);
        if (channel.isEmpty()) return;
        Optional<SignupMessage> posted = messages.find(context.guild());
        if (posted.isPresent() && posted.get().channel().equals(channel.get())) return;
        MessageId message = MessageId.of(context.act(new Action.SendMessage(context.guild(), channel.get(),
                MessageContent.text(settings.signupMessage()))).requireCreatedId());
        messages.save(new SignupMessage(context.guild(), channel.get(), message, settings.signupEmoji()),
                clock.instant());
        context.act(new Action.AddReaction(context.guild(), channel.get(), message, settings.signupEmoji()));
    }

    /** A reaction with the signup emoji on the signup message gives the Player role; returns whether it was one. */
    public boolean reacted(ModuleContext context, GuildEvent.ReactionAdded reaction) {
        Optional<GuildConfig> config = context.config().filter(GuildConfig::isConfigured);
        if (config.isEmpty()) return false;
        Optional<SignupMessage> posted = messages.find(context.guild());
        if (posted.isEmpty() || !posted.get().message().equals(reaction.message())
                || !posted.get().emoji().equals(reaction.emoji())) {
            return false;
        }
        Optional<ManagedResource> role = config.get().role(RoleKind.PLAYER).filter(r -> !r.missing());
        if (role.isEmpty()) return false;
        context.act(new Action.AddMemberRole(context.guild(), reaction.user(), RoleId.of(role.get().id())));
        return true;
    }
}
