package dev.guildhall.discord;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.Event;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.role.RoleDeleteEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that turns JDA events into Guildhall envelopes. Events without a guild, and the bot's own messages
 * and reactions, map to nothing. Interaction envelopes carry the interaction id; the others a stable derived id
 * (see {@link EnvelopeIds}).
 */
final class EventMapper {
    private final Clock clock;
    private final GatewaySessions sessions = new GatewaySessions();

    EventMapper(Clock clock) {
        this.clock = clock;
    }

    Optional<Envelope> map(GenericEvent event) {
        return switch (event) {
            case GuildReadyEvent e -> joined(e, e.getGuild());
            case GuildJoinEvent e -> joined(e, e.getGuild());
            case GuildLeaveEvent e -> gateway(e, e.getGuild(), new GuildEvent.GuildLeft());
            case ChannelDeleteEvent e when e.isFromGuild() -> gateway(e, e.getGuild(),
                    new GuildEvent.ChannelDeleted(ChannelId.of(e.getChannel().getIdLong())), e.getChannel().getIdLong());
            case RoleDeleteEvent e -> gateway(e, e.getGuild(),
                    new GuildEvent.RoleDeleted(RoleId.of(e.getRole().getIdLong())), e.getRole().getIdLong());
            case GuildMemberJoinEvent e -> gateway(e, e.getGuild(),
                    new GuildEvent.MemberJoined(UserId.of(e.getUser().getIdLong())), e.getUser().getIdLong());
            case GuildMemberRemoveEvent e -> gateway(e, e.getGuild(),
                    new GuildEvent.MemberLeft(UserId.of(e.getUser().getIdLong())), e.getUser().getIdLong());
            case MessageReceivedEvent e -> message(e);
            case MessageReactionAddEvent e -> reaction(e);
            case SlashCommandInteractionEvent e -> slashCommand(e);
            case ButtonInteractionEvent e -> button(e);
            case ModalInteractionEvent e -> modal(e);
            default -> Optional.empty();
        };
    }

    private Optional<Envelope> joined(Event event, Guild guild) {
        return gateway(event, guild, new GuildEvent.GuildJoined(guild.getName()));
    }

    private Optional<Envelope> message(MessageReceivedEvent e) {
        if (!e.isFromGuild() || e.isWebhookMessage() || isSelf(e, e.getAuthor().getIdLong())) return Optional.empty();
        var message = e.getMessage();
        GuildEvent posted = new GuildEvent.MessagePosted(ChannelId.of(e.getChannel().getIdLong()),
                MessageId.of(message.getIdLong()), UserId.of(e.getAuthor().getIdLong()), message.getContentRaw());
        String id = EnvelopeIds.derive(posted.kind(), e.getGuild().getIdLong(), shard(e), position(e),
                message.getIdLong());
        return Optional.of(envelope(id, e.getGuild(), e, message.getTimeCreated().toInstant(), posted));
    }

    private Optional<Envelope> reaction(MessageReactionAddEvent e) {
        if (!e.isFromGuild() || isSelf(e, e.getUserIdLong())) return Optional.empty();
        String emoji = e.getEmoji().getAsReactionCode();
        GuildEvent added = new GuildEvent.ReactionAdded(ChannelId.of(e.getChannel().getIdLong()),
                MessageId.of(e.getMessageIdLong()), UserId.of(e.getUserIdLong()), emoji);
        String id = EnvelopeIds.derive(added.kind(), e.getGuild().getIdLong(), shard(e), position(e), emoji,
                e.getMessageIdLong(), e.getUserIdLong());
        return Optional.of(envelope(id, e.getGuild(), e, clock.instant(), added));
    }

    private Optional<Envelope> slashCommand(SlashCommandInteractionEvent e) {
        if (!fromCachedGuild(e)) return Optional.empty();
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping option : e.getOptions()) options.put(option.getName(), option.getAsString());
        return interaction(e, new InteractionEvent.SlashCommand(ref(e, Optional.empty()), invoker(e.getMember()),
                e.getName(), Optional.ofNullable(e.getSubcommandName()), options));
    }

    private Optional<Envelope> button(ButtonInteractionEvent e) {
        if (!fromCachedGuild(e)) return Optional.empty();
        return interaction(e, new InteractionEvent.ButtonClicked(
                ref(e, Optional.of(MessageId.of(e.getMessageIdLong()))), invoker(e.getMember()), e.getComponentId()));
    }

    private Optional<Envelope> modal(ModalInteractionEvent e) {
        if (!fromCachedGuild(e)) return Optional.empty();
        Map<String, String> values = new LinkedHashMap<>();
        for (ModalMapping value : e.getValues()) {
            // Only text inputs exist in Guildhall's modals; other kinds have no single string value
            if (value.getType() == Component.Type.TEXT_INPUT) values.put(value.getCustomId(), value.getAsString());
        }
        Optional<MessageId> source = Optional.ofNullable(e.getMessage()).map(m -> MessageId.of(m.getIdLong()));
        return interaction(e, new InteractionEvent.ModalSubmitted(ref(e, source), invoker(e.getMember()),
                e.getModalId(), values));
    }

    /** Interactions from guilds the bot is not in (user-installed apps) carry a detached guild: not ours to serve. */
    private static boolean fromCachedGuild(Interaction interaction) {
        return interaction.isFromAttachedGuild() && interaction.getMember() != null;
    }

    private static InteractionRef ref(Interaction interaction, Optional<MessageId> source) {
        return new InteractionRef(interaction.getId(), ChannelId.of(interaction.getChannelIdLong()), source);
    }

    /** Discord's ADMINISTRATOR permission; JDA grants every permission to the guild owner, so the owner counts. */
    static Invoker invoker(Member member) {
        Set<RoleId> roles = member.getRoles().stream().map(r -> RoleId.of(r.getIdLong())).collect(Collectors.toSet());
        return new Invoker(UserId.of(member.getIdLong()), member.getEffectiveName(), roles,
                member.isOwner() || member.hasPermission(Permission.ADMINISTRATOR));
    }

    private Optional<Envelope> interaction(GenericEvent event, InteractionEvent mapped) {
        Interaction interaction = (Interaction) event;
        return Optional.of(envelope(mapped.interaction().id(), interaction.getGuild(), event,
                interaction.getTimeCreated().toInstant(), mapped));
    }

    private Optional<Envelope> gateway(Event event, Guild guild, GuildEvent mapped, long... entities) {
        String id = EnvelopeIds.derive(mapped.kind(), guild.getIdLong(), shard(event), position(event), entities);
        return Optional.of(envelope(id, guild, event, clock.instant(), mapped));
    }

    private static Envelope envelope(String id, Guild guild, GenericEvent event, Instant at, GuildEvent mapped) {
        return new Envelope(id, GuildId.of(guild.getIdLong()), shard(event), at, mapped, Map.of());
    }

    private static boolean isSelf(GenericEvent event, long userId) {
        return event.getJDA().getSelfUser().getIdLong() == userId;
    }

    private String position(GenericEvent event) {
        return sessions.position(shard(event), event.getResponseNumber());
    }

    private static int shard(GenericEvent event) {
        return event.getJDA().getShardInfo().getShardId();
    }
}
