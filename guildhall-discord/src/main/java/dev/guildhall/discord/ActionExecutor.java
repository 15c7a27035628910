package dev.guildhall.discord;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordCallException.Kind;
import dev.guildhall.core.port.DiscordPort;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The one place that turns core actions into JDA calls. Calls block with {@code complete()}: callers run on virtual
 * threads, never on JDA's event thread. JDA's REST layer keeps Discord's rate limit buckets.
 */
final class ActionExecutor implements DiscordPort {
    private final ShardGroup shards;
    private final PendingInteractions pending;
    private final AutoDefer autoDefer;

    ActionExecutor(ShardGroup shards, PendingInteractions pending, AutoDefer autoDefer) {
        this.shards = shards;
        this.pending = pending;
        this.autoDefer = autoDefer;
    }

    @Override
    public ActionResult execute(Action action) throws DiscordCallException {
        String what = describe(action);
        return call(what, () -> switch (action) {
            case Action.Reply a -> reply(what, a);
            case Action.ShowModal a -> showModal(what, a);
            case Action.UpdateSourceMessage a -> updateSource(what, a);
            case Action.CreateTextChannel a ->
                    ActionResult.created(guild(what, a.guild()).createTextChannel(a.name()).complete().getIdLong());
            case Action.CreateRole a -> ActionResult.created(
                    guild(what, a.guild()).createRole().setName(a.name()).setPermissions(0L).complete().getIdLong());
            case Action.DeleteChannel a -> {
                channel(what, a.guild(), a.channel(), GuildChannel.class).delete().complete();
                yield ActionResult.NONE;
            }
            case Action.DeleteRole a -> {
                role(what, a.guild(), a.role()).delete().complete();
                yield ActionResult.NONE;
            }
            case Action.SendMessage a -> ActionResult.created(channel(what, a.guild(), a.channel(), GuildMessageChannel.class)
                    .sendMessage(JdaMessages.create(a.message())).complete().getIdLong());
            case Action.AddReaction a -> {
                channel(what, a.guild(), a.channel(), GuildMessageChannel.class)
                        .addReactionById(a.message().value(), JdaMessages.emoji(a.emoji())).complete();
                yield ActionResult.NONE;
            }
            case Action.EditMessage a -> {
                channel(what, a.guild(), a.channel(), GuildMessageChannel.class)
                        .editMessageById(a.message().value(), JdaMessages.edit(a.content())).complete();
                yield ActionResult.NONE;
            }
            case Action.DeleteMessage a -> {
                channel(what, a.guild(), a.channel(), GuildMessageChannel.class)
                        .deleteMessageById(a.message().value()).complete();
                yield ActionResult.NONE;
            }
            case Action.StartThread a -> ActionResult.created(channel(what, a.guild(), a.channel(), IThreadContainer.class)
                    .createThreadChannel(a.name(), a.message().value()).complete().getIdLong());
            case Action.CreateScheduledEvent a -> ActionResult.created(ScheduledEvents.create(guild(what, a.guild()), a));
            case Action.EditScheduledEvent a -> {
                ScheduledEvents.edit(guild(what, a.guild()), a);
                yield ActionResult.NONE;
            }
            case Action.DeleteScheduledEvent a -> {
                ScheduledEvents.delete(guild(what, a.guild()), a.event());
                yield ActionResult.NONE;
            }
            // UserSnowflake: members are not cached, and these calls need none
            case Action.AddMemberRole a -> {
                guild(what, a.guild()).addRoleToMember(UserSnowflake.fromId(a.user().value()),
                        role(what, a.guild(), a.role())).complete();
                yield ActionResult.NONE;
            }
            case Action.RemoveMemberRole a -> {
                guild(what, a.guild()).removeRoleFromMember(UserSnowflake.fromId(a.user().value()),
                        role(what, a.guild(), a.role())).complete();
                yield ActionResult.NONE;
            }
            case Action.SyncGuildCommands a -> {
                guild(what, a.guild()).updateCommands().addCommands(SlashCommands.of(a.commands())).complete();
                yield ActionResult.NONE;
            }
        });
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId id) {
        return shards.guild(id.value()).map(ActionExecutor::snapshot);
    }

    /** Text channels, and the roles a setup may adopt: not @everyone, not roles managed by integrations or bots. */
    static GuildSnapshot snapshot(Guild guild) {
        // JDA already sorts text channels as Discord's client shows them
        var channels = guild.getTextChannels().stream()
                .map(c -> new GuildSnapshot.Channel(ChannelId.of(c.getIdLong()), c.getName()))
                .toList();
        var roles = guild.getRoles().stream()
                .filter(r -> !r.isPublicRole() && !r.isManaged())
                .map(r -> new GuildSnapshot.Role(RoleId.of(r.getIdLong()), r.getName(), r.getPermissionsRaw()))
                .toList();
        return new GuildSnapshot(GuildId.of(guild.getIdLong()), guild.getName(), channels, roles);
    }

    // ---- interactions ------------------------------------------------------------------------------------------

    /**
     * A Reply after a deferred reply (or after an earlier answer) edits the original response; after an automatic
     * {@code deferEdit} of a button it is a follow-up, so the button's message is left as it is.
     *
     * <p>An ephemeral Reply after the automatic public {@code deferReply} must not fill the public "thinking" message
     * (everyone would read it): that message is deleted first, then the answer goes as an ephemeral follow-up. The
     * order matters, since Discord fills a deferred original with the first follow-up, whatever that one's flags.
     */
    private ActionResult reply(String what, Action.Reply reply) {
        IReplyCallback callback = interaction(what, reply.interaction().id(), IReplyCallback.class);
        String id = reply.interaction().id();
        await(autoDefer.answer(id, deferral -> {
            if (deferral == AutoDefer.Deferral.EDIT || deferral == AutoDefer.Deferral.WITHDRAWN) {
                return followUp(callback, reply);
            }
            if (deferral == AutoDefer.Deferral.REPLY && reply.ephemeral()) {
                autoDefer.withdrawn(id);
                return callback.getHook().deleteOriginal().submit().thenCompose(deleted -> followUp(callback, reply));
            }
            if (callback.isAcknowledged()) {
                return callback.getHook().editOriginal(JdaMessages.edit(reply.message())).submit();
            }
            return callback.reply(JdaMessages.create(reply.message())).setEphemeral(reply.ephemeral()).submit();
        }));
        return ActionResult.NONE;
    }

    private static CompletableFuture<?> followUp(IReplyCallback callback, Action.Reply reply) {
        return callback.getHook().sendMessage(JdaMessages.create(reply.message())).setEphemeral(reply.ephemeral())
                .submit();
    }

    private ActionResult showModal(String what, Action.ShowModal show) {
        IModalCallback callback = interaction(what, show.interaction().id(), IModalCallback.class);
        await(autoDefer.answer(show.interaction().id(), deferral -> {
            if (callback.isAcknowledged()) {
                throw new DiscordCallException(Kind.INVALID_REQUEST, what + ": the interaction was already answered"
                        + (deferral == AutoDefer.Deferral.NONE ? "" : " (deferred: a modal must open within the defer delay)"));
            }
            return callback.replyModal(JdaMessages.modal(show.modal())).submit();
        }));
        return ActionResult.NONE;
    }

    private ActionResult updateSource(String what, Action.UpdateSourceMessage update) {
        IMessageEditCallback callback = interaction(what, update.interaction().id(), IMessageEditCallback.class);
        await(autoDefer.answer(update.interaction().id(), deferral -> callback.isAcknowledged()
                ? callback.getHook().editOriginal(JdaMessages.edit(update.message())).submit()
                : callback.editMessage(JdaMessages.edit(update.message())).submit()));
        return ActionResult.NONE;
    }

    /** Waits for a started request; JDA's failure comes out as itself, for {@link CallFailures} to translate. */
    private static void await(CompletableFuture<?> request) {
        try {
            request.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    private <T> T interaction(String what, String interactionId, Class<T> callback) {
        Interaction interaction = pending.find(interactionId).orElseThrow(() -> new DiscordCallException(
                Kind.INTERACTION_EXPIRED, what + ": interaction " + interactionId + " is unknown or expired"));
        if (!callback.isInstance(interaction)) {
            throw new DiscordCallException(Kind.INVALID_REQUEST, what + ": a " + interaction.getType()
                    + " interaction cannot be answered this way");
        }
        return callback.cast(interaction);
    }

    // ---- guild entities ----------------------------------------------------------------------------------------

    private Guild guild(String what, GuildId id) {
        return shards.guild(id.value()).orElseThrow(() ->
                new DiscordCallException(Kind.NOT_FOUND, what + ": the bot is not in guild " + id));
    }

    private <C extends GuildChannel> C channel(String what, GuildId guildId, ChannelId id, Class<C> type) {
        C channel = guild(what, guildId).getChannelById(type, id.value());
        if (channel == null) throw new DiscordCallException(Kind.NOT_FOUND, what + ": no such channel " + id);
        return channel;
    }

    private Role role(String what, GuildId guildId, RoleId id) {
        Role role = guild(what, guildId).getRoleById(id.value());
        if (role == null) throw new DiscordCallException(Kind.NOT_FOUND, what + ": no such role " + id);
        return role;
    }

    private static ActionResult call(String what, Supplier<ActionResult> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw CallFailures.translate(what, e);
        }
    }

    /** Names the action and its guild for error messages; never includes content or tokens. */
    static String describe(Action action) {
        return action.getClass().getSimpleName() + " in guild " + action.guild();
    }
}
