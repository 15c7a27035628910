package dev.guildhall.core.action;

/** A button whose clicks arrive as {@code ButtonClicked} with this custom id. */
public record ButtonSpec(String customId, String label, Style style) {
    public enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER }

    public ButtonSpec {
        if (customId == null || customId.isEmpty() || customId.length() > 100) {
            throw new IllegalArgumentException("a button's custom id has 1..100 characters");
        }
    }
}
