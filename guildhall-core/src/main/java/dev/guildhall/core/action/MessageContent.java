package dev.guildhall.core.action;

import java.util.List;

/** A message body: text, embeds and one row of buttons. */
public record MessageContent(String content, List<Embed> embeds, List<ButtonSpec> buttons) {
    public MessageContent {
        content = content == null ? "" : content;
        embeds = List.copyOf(embeds);
        buttons = List.copyOf(buttons);
        if (buttons.size() > 5) throw new IllegalArgumentException("at most 5 buttons fit one row");
    }

    public static MessageContent text(String content) {
        return new MessageContent(content, List.of(), List.of());
    }

    public static MessageContent embed(Embed embed) {
        return new MessageContent("", List.of(embed), List.of());
    }

    public MessageContent withButtons(List<ButtonSpec> buttons) {
        return new MessageContent(content, embeds, buttons);
    }
}
