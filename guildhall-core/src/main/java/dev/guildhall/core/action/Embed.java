package dev.guildhall.core.action;

import java.util.List;

/** A rich embed; {@code color} is 0xRRGGBB. */
public record Embed(String title, String description, List<Field> fields, int color) {
    public Embed {
        fields = List.copyOf(fields);
    }

    public record Field(String name, String value, boolean inline) {}
}
