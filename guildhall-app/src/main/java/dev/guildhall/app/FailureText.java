package dev.guildhall.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A start-up failure as an operator reads it on stderr: the messages of the failure and its causes as sentences,
 * without Java class names (a wrapper's default message is its cause's {@code toString()}) and without credentials
 * that a URL in a message may carry.
 */
final class FailureText {
    static final String UNEXPLAINED = "An unexpected error stopped Guildhall; the log has its stack trace.";
    private static final int MAX_CAUSES = 8;
    /** {@code java.io.UncheckedIOException: } or {@code IOException: } wherever a message quotes another. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable)\\b:?\\s*");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(\\w://)[^/@\\s]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");

    private FailureText() {}

    static String of(Throwable failure) {
        List<String> sentences = new ArrayList<>();
        int depth = 0;
        for (Throwable at = failure; at != null && depth < MAX_CAUSES; at = at.getCause(), depth++) {
            String text = clean(at.getMessage());
            String lower = text.toLowerCase(Locale.ROOT);
            if (text.isEmpty() || sentences.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(lower))) continue;
            sentences.add(sentence(text));
        }
        return sentences.isEmpty() ? UNEXPLAINED : String.join(" ", sentences);
    }

    private static String clean(String message) {
        if (message == null) return "";
        String text = CLASS_NAME.matcher(message).replaceAll("");
        text = URL_CREDENTIALS.matcher(text).replaceAll("$1");
        text = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        text = text.strip();
        while (text.endsWith(".") || text.endsWith(":")) text = text.substring(0, text.length() - 1).strip();
        return text;
    }

    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
