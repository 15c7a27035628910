package dev.guildhall.core.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists of lines laid out within Discord's embed limits: a field holds at most {@value #FIELD_VALUE_LIMIT}
 * characters, an embed at most {@value #EMBED_LIMIT} in all. A long list continues in further fields; what does not fit
 * the caller's budget is counted ("… and 12 more"), never cut mid-line, so an edit never fails on length.
 */
public final class EmbedFields {
    public static final int FIELD_VALUE_LIMIT = 1024;
    public static final int EMBED_LIMIT = 6000;
    public static final int DESCRIPTION_LIMIT = 4096;
    private static final int MORE_LINE = 24;

    private EmbedFields() {}

    /**
     * The fields showing {@code lines} under {@code name} (continuation fields are named "{@code name} (cont.)"),
     * using at most {@code budget} characters of names and values together; "-" when there are no lines.
     */
    public static List<Embed.Field> lines(String name, List<String> lines, int budget) {
        if (lines.isEmpty()) return List.of(new Embed.Field(name, "-", false));
        List<Embed.Field> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        String fieldName = name;
        int used = fieldName.length();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int room = FIELD_VALUE_LIMIT - value.length() - (value.isEmpty() ? 0 : 1) - MORE_LINE;
            boolean lastLine = i == lines.size() - 1;
            if (used + line.length() + 1 + (lastLine ? 0 : MORE_LINE) > budget) {
                appendLine(value, "… and " + (lines.size() - i) + " more");
                break;
            }
            if (line.length() > room) {
                fields.add(new Embed.Field(fieldName, value.toString(), false));
                fieldName = name + " (cont.)";
                used += fieldName.length();
                value = new StringBuilder();
            }
            appendLine(value, line);
            used += line.length() + 1;
        }
        fields.add(new Embed.Field(fieldName, value.toString(), false));
        return fields;
    }

    /** Characters an embed counts against {@link #EMBED_LIMIT}: title, description, field names and values. */
    public static int length(Embed embed) {
        int total = embed.title().length() + embed.description().length();
        for (Embed.Field field : embed.fields()) total += field.name().length() + field.value().length();
        return total;
    }

    /** {@code text} cut to {@code limit} characters, ending in "…" when cut. */
    public static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static void appendLine(StringBuilder value, String line) {
        if (!value.isEmpty()) value.append('\n');
        value.append(line);
    }
}
