package dev.guildhall.discord;

import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.Mentions;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.action.ModalSpec;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.AbstractMessageBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds JDA's message, embed, button and modal values from core's; no connection needed. */
final class JdaMessages {
    /** Core's custom emoji form {@code name:id}; anything else is taken as a unicode emoji. */
    private static final Pattern CUSTOM_EMOJI = Pattern.compile("(?:<a?:)?(\\w{2,32}):(\\d{1,20})>?");

    private JdaMessages() {}

    static MessageCreateData create(MessageContent message) {
        MessageCreateBuilder builder = new MessageCreateBuilder()
                .setContent(message.content())
                .setEmbeds(embeds(message.embeds()))
                .setComponents(components(message.buttons()));
        return allowOnly(builder, message.mentions()).build();
    }

    /**
     * An edit replaces text, embeds and buttons alike, so a message can also lose its buttons. Its allowed mentions
     * are sent too: Discord parses an edited text's mentions again.
     */
    static MessageEditData edit(MessageContent message) {
        MessageEditBuilder builder = new MessageEditBuilder()
                .setContent(message.content())
                .setEmbeds(embeds(message.embeds()))
                .setComponents(components(message.buttons()));
        return allowOnly(builder, message.mentions()).build();
    }

    /**
     * Every message carries {@code allowed_mentions}: no type is parsed from the text ({@code parse: []}), so
     * {@code @everyone}, {@code @here} and role or user mentions typed by members ping no one; only the users and
     * roles the module named are pinged.
     */
    static <B extends AbstractMessageBuilder<?, B>> B allowOnly(B builder, Mentions mentions) {
        builder.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false);
        if (!mentions.users().isEmpty()) {
            builder.mentionUsers(mentions.users().stream().map(UserId::value).sorted().map(Long::toUnsignedString).toList());
        }
        if (!mentions.roles().isEmpty()) {
            builder.mentionRoles(mentions.roles().stream().map(RoleId::value).sorted().map(Long::toUnsignedString).toList());
        }
        return builder;
    }

    static List<MessageEmbed> embeds(List<Embed> embeds) {
        return embeds.stream().map(JdaMessages::embed).toList();
    }

    static MessageEmbed embed(Embed embed) {
        EmbedBuilder builder = new EmbedBuilder();
        if (embed.title() != null && !embed.title().isBlank()) builder.setTitle(embed.title());
        if (embed.description() != null && !embed.description().isBlank()) builder.setDescription(embed.description());
        for (Embed.Field field : embed.fields()) builder.addField(field.name(), field.value(), field.inline());
        builder.setColor(embed.color() & 0xFFFFFF);
        return builder.build();
    }

    static List<MessageTopLevelComponent> components(List<ButtonSpec> buttons) {
        if (buttons.isEmpty()) return List.of();
        return List.of(ActionRow.of(buttons.stream().map(JdaMessages::button).toList()));
    }

    static Button button(ButtonSpec spec) {
        ButtonStyle style = switch (spec.style()) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case SECONDARY -> ButtonStyle.SECONDARY;
            case SUCCESS -> ButtonStyle.SUCCESS;
            case DANGER -> ButtonStyle.DANGER;
        };
        return Button.of(style, spec.customId(), spec.label());
    }

    /** JDA 6 modals hold Label components, each wrapping one TextInput (the label text lives on the Label). */
    static Modal modal(ModalSpec spec) {
        Modal.Builder builder = Modal.create(spec.customId(), spec.title());
        for (ModalSpec.TextInput input : spec.inputs()) {
            TextInput.Builder text = TextInput.create(input.id(),
                            input.paragraph() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                    .setRequired(input.required());
            if (input.minLength() > 0) text.setMinLength(input.minLength());
            if (input.maxLength() > 0) text.setMaxLength(input.maxLength());
            if (!input.value().isEmpty()) text.setValue(input.value());
            builder.addComponents(Label.of(input.label(), text.build()));
        }
        return builder.build();
    }

    /** {@code name:id} (or Discord's {@code <:name:id>}) is a custom emoji; anything else a unicode one. */
    static Emoji emoji(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("emoji is missing");
        Matcher custom = CUSTOM_EMOJI.matcher(text);
        if (custom.matches()) {
            return Emoji.fromCustom(custom.group(1), Long.parseUnsignedLong(custom.group(2)), text.startsWith("<a:"));
        }
        return Emoji.fromUnicode(text);
    }
}
