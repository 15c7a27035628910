package dev.guildhall.modules.frolf.rounds;

import java.time.Instant;

/** What the create and edit forms give, already checked: a title of 1..100 characters and a start instant. */
public record RoundDraft(String title, String description, String location, Instant start) {
    public static final int MAX_TITLE = 100;

    public RoundDraft {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a round title has 1.." + MAX_TITLE + " characters");
        }
        description = description == null ? "" : description;
        location = location == null ? "" : location;
    }
}
