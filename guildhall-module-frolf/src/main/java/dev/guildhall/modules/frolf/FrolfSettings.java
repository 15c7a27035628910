package dev.guildhall.modules.frolf;

import dev.guildhall.core.settings.ModuleSettings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frolf settings of one guild: the time zone round starts are typed in, the location a new round suggests, how
 * long before a round its reminder goes out, the highest tag {@code /claimtag} accepts, and the signup message with the
 * emoji whose reaction gives the Player role.
 */
public record FrolfSettings(ZoneId timezone, String defaultLocation, Duration reminderLead, int maxTag,
                            String signupMessage, String signupEmoji) {
    static final String TIMEZONE = "timezone";
    static final String DEFAULT_LOCATION = "default_location";
    static final String REMINDER_LEAD_MINUTES = "reminder_lead_minutes";
    static final String MAX_TAG = "max_tag";
    static final String SIGNUP_MESSAGE = "signup_message";
    static final String SIGNUP_EMOJI = "signup_emoji";
    static final String DEFAULT_SIGNUP_MESSAGE = "React to this message to sign up as a player!";
    static final String DEFAULT_SIGNUP_EMOJI = "🥏";

    public static final FrolfSettings DEFAULTS = new FrolfSettings(ZoneId.of("UTC"), "", Duration.ofMinutes(60), 100);

    static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "timezone": {"type": "string", "minLength": 1, "maxLength": 64,
                             "description": "IANA time zone round starts are entered in, such as Europe/Berlin"},
                "default_location": {"type": "string", "maxLength": 100,
                                     "description": "Location a new round suggests"},
                "reminder_lead_minutes": {"type": "integer", "minimum": 5, "maximum": 1440,
                                          "description": "Minutes before the start that the reminder is posted"},
                "max_tag": {"type": "integer", "minimum": 1, "maximum": 1000,
                            "description": "Highest tag number /claimtag accepts"},
                "signup_message": {"type": "string", "minLength": 1, "maxLength": 2000,
                                   "description": "Text of the signup message; reacting to it gives the player role"},
                "signup_emoji": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^\\\\S+$",
                                 "description": "The emoji to react with on the signup message, such as 🥏"}
              }
            }""";

    static final String DEFAULTS_JSON = """
            {"timezone": "UTC", "default_location": "", "reminder_lead_minutes": 60, "max_tag": 100,
             "signup_message": "React to this message to sign up as a player!", "signup_emoji": "🥏"}""";

    public FrolfSettings {
        defaultLocation = defaultLocation == null ? "" : defaultLocation;
    }

    /** With the default signup message and emoji. */
    public FrolfSettings(ZoneId timezone, String defaultLocation, Duration reminderLead, int maxTag) {
        this(timezone, defaultLocation, reminderLead, maxTag, DEFAULT_SIGNUP_MESSAGE, DEFAULT_SIGNUP_EMOJI);
    }

    /** Reads the settings, falling back to the default of any key that is absent. */
    public static FrolfSettings from(ModuleSettings settings) {
        ZoneId zone = zone(settings.value(TIMEZONE).map(Object::toString).orElse("UTC")).orElse(DEFAULTS.timezone());
        String location = settings.value(DEFAULT_LOCATION).map(Object::toString).orElse(DEFAULTS.defaultLocation());
        long lead = settings.value(REMINDER_LEAD_MINUTES).isPresent() ? settings.integer(REMINDER_LEAD_MINUTES)
                : DEFAULTS.reminderLead().toMinutes();
        long maxTag = settings.value(MAX_TAG).isPresent() ? settings.integer(MAX_TAG) : DEFAULTS.maxTag();
        String message = settings.value(SIGNUP_MESSAGE).map(Object::toString).orElse(DEFAULT_SIGNUP_MESSAGE);
        String emoji = settings.value(SIGNUP_EMOJI).map(Object::toString).orElse(DEFAULT_SIGNUP_EMOJI);
        return new FrolfSettings(zone, location, Duration.ofMinutes(lead), Math.toIntExact(maxTag), message, emoji);
    }

    /** What the schema cannot say: the time zone must be a real IANA region. */
    static List<String> problems(ModuleSettings settings) {
        List<String> problems = new ArrayList<>();
        settings.value(TIMEZONE).map(Object::toString).ifPresent(text -> {
            if (zone(text).isEmpty()) problems.add(TIMEZONE + ": must be a time zone such as Europe/Berlin");
        });
        return problems;
    }

    /** Only region ids Java knows from the IANA database (plus UTC); offsets like +02:00 change with no season. */
    private static Optional<ZoneId> zone(String text) {
        if (!text.equals("UTC") && !ZoneId.getAvailableZoneIds().contains(text)) return Optional.empty();
        return Optional.of(ZoneId.of(text));
    }
}
