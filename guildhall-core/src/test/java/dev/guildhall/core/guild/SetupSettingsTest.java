package dev.guildhall.core.guild;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SetupSettingsTest {

    @Test
    void theDefaultsAreValid() {
        assertThat(SetupSettings.DEFAULTS.problems()).isEmpty();
    }

    @Test
    void theDefaultsNameNoFeature() {
        assertThat(SetupSettings.DEFAULTS.prefix()).isEqualTo("guildhall");
        assertThat(SetupSettings.DEFAULTS.playerRole()).isEqualTo("Guildhall Player");
    }

    @Test
    void thePrefixIsLowercaseLettersDigitsAndDashesUpToTwenty() {
        assertThat(withPrefix("club-2").problems()).isEmpty();
        assertThat(withPrefix("Club").problems()).singleElement().asString().startsWith("prefix:");
        assertThat(withPrefix("a".repeat(21)).problems()).singleElement().asString().startsWith("prefix:");
        assertThat(withPrefix("no spaces").problems()).singleElement().asString().startsWith("prefix:");
    }

    @Test
    void everyBrokenFieldIsNamed() {
        SetupSettings bad = new SetupSettings("", "Same", "Same", "");

        assertThat(bad.problems()).anyMatch(p -> p.startsWith("prefix:"))
                .anyMatch(p -> p.startsWith("admin_role:"))
                .anyMatch(p -> p.startsWith("roles:"));
    }

    private static SetupSettings withPrefix(String prefix) {
        SetupSettings d = SetupSettings.DEFAULTS;
        return new SetupSettings(prefix, d.playerRole(), d.editorRole(), d.adminRole());
    }
}
