package dev.guildhall.core.action;

import java.util.List;

/**
 * A message body: text, embeds, one row of buttons, and who it may ping ({@link Mentions#none()} unless a module
 * asks: the text alone never pings anyone).
 */
public record MessageContent(String content, List<Embed> embeds, List<ButtonSpec> buttons, Mentions mentions) {
    public MessageContent {
        content = content == null ? "" : content;
        embeds = List.copyOf(embeds);
        buttons = List.copyOf(buttons);
        // null too: actions stored before mentions existed read back as pinging no one
        mentions = mentions == null ? Mentions.none() : mentions;
        if (buttons.size() > 5) throw new IllegalArgumentException("at most 5 buttons fit one row");
    }

    /** A message that pings no one. */
    public MessageContent(String content, List<Embed> embeds, List<ButtonSpec> buttons) {
        this(content, embeds, buttons, Mentions.none());
    }

    public static MessageContent text(String content) {
        return new MessageContent(content, List.of(), List.of());
    }

    public static MessageContent embed(Embed embed) {
        return new MessageContent("", List.of(embed), List.of());
    }

    public MessageContent withButtons(List<ButtonSpec> buttons) {
        return new MessageContent(content, embeds, buttons, mentions);
    }

    /** The same message, allowed to ping exactly these users and roles. */
    public MessageContent withMentions(Mentions mentions) {
        return new MessageContent(content, embeds, buttons, mentions);
    }
}
