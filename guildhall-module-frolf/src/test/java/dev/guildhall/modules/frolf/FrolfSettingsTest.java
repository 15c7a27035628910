package dev.guildhall.modules.frolf;

import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.SettingsRejected;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrolfSettingsTest {
    private final FrolfFixture f = new FrolfFixture();

    @Test
    void absentKeysTakeTheDefaults() {
        assertThat(FrolfSettings.from(new ModuleSettings(Map.of()))).isEqualTo(FrolfSettings.DEFAULTS);
        assertThat(FrolfSettings.DEFAULTS.reminderLead()).isEqualTo(Duration.ofHours(1));
        assertThat(FrolfSettings.DEFAULTS.maxTag()).isEqualTo(100);
    }

    @Test
    void storedValuesAreRead() {
        FrolfSettings settings = FrolfSettings.from(new ModuleSettings(Map.of("timezone", "America/Denver",
                "default_location", "Oak Park", "reminder_lead_minutes", 30L, "max_tag", 250L)));

        assertThat(settings).isEqualTo(new FrolfSettings(ZoneId.of("America/Denver"), "Oak Park",
                Duration.ofMinutes(30), 250));
    }

    @Test
    void anUnknownTimeZoneIsRejectedNamingTheField() {
        assertThat(f.module.checkSettings(new ModuleSettings(Map.of("timezone", "Mars/Olympus"))))
                .containsExactly("timezone: must be a time zone such as Europe/Berlin");
        assertThat(f.module.checkSettings(new ModuleSettings(Map.of("timezone", "+02:00")))).hasSize(1);
        assertThat(f.module.checkSettings(new ModuleSettings(Map.of("timezone", "Europe/Berlin")))).isEmpty();
        assertThatThrownBy(() -> f.settings.set(FrolfFixture.GUILD, f.module, "timezone", "Mars/Olympus"))
                .isInstanceOf(SettingsRejected.class).hasMessageContaining("timezone:");
    }

    @Test
    void theSchemaAndDefaultsDescribeTheSameKeys() {
        for (String key : new String[] {"timezone", "default_location", "reminder_lead_minutes", "max_tag"}) {
            assertThat(f.module.settingsSchema()).contains("\"" + key + "\"");
            assertThat(f.module.defaultSettings()).contains("\"" + key + "\"");
        }
        assertThat(f.module.settingsSchema()).contains("\"minimum\": 5", "\"maximum\": 1440", "2020-12");
    }
}
