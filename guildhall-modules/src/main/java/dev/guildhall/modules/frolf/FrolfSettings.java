package dev.guildhall.modules.frolf;

import dev.guildhall.core.settings.ModuleSettings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frolf settings of one guild: the time zone round starts are typed in, the location a new round suggests, how
 * long before a round its reminder goes out, and the highest tag {@code /claimtag} accepts.
 */
public record FrolfSettings(ZoneId timezone, String defaultLocation, Duration reminderLead, int maxTag) {
    static final String TIMEZONE = "timezone";
    static final String DEFAULT_LOCATION = "default_location";
    static final String REMINDER_LEAD_MINUTES = "reminder_lead_minutes";
    static final String MAX_TAG = "max_tag";

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
                            "description": "Highest tag number /claimtag accepts"}
              }
            }""";

    static final String DEFAULTS_JSON = """
            {"timezone": "UTC", "default_location": "", "reminder_lead_minutes": 60, "max_tag": 100}""";

    public FrolfSettings {
        defaultLocation = defaultLocation == null ? "" : defaultLocation;
    }

    /** Reads the settings, falling back to the default of any key that is absent. */
    public static FrolfSettings from(ModuleSettings settings) {
        ZoneId zone = zone(settings.value(TIMEZONE).map(Object::toString).orElse("UTC")).orElse(DEFAULTS.timezone());
        String location = settings.value(DEFAULT_LOCATION).map(Object::toString).orElse(DEFAULTS.defaultLocation());
        long lead = settings.value(REMINDER_LEAD_MINUTES).isPresent() ? settings.integer(REMINDER_LEAD_MINUTES)
                : DEFAULTS.reminderLead().toMinutes();
        long maxTag = settings.value(MAX_TAG).isPresent() ? settings.integer(MAX_TAG) : DEFAULTS.maxTag();
        return new FrolfSettings(zone, location, Duration.ofMinutes(lead), Math.toIntExact(maxTag));
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
