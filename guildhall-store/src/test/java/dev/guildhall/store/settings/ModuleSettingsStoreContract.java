package dev.guildhall.store.settings;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.core.settings.SettingsRejected;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What every database must do for modules' settings; run against SQLite and PostgreSQL. */
abstract class ModuleSettingsStoreContract {
    private static final GuildId GUILD = GuildId.of(111_111_111_111_111_111L);
    private static final GuildId OTHER_GUILD = GuildId.of(222_222_222_222_222_222L);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    private final SampleModule module = new SampleModule("sample");
    private StoreSettings settings;
    private Store store;

    protected abstract StoreSettings freshSettings();

    @BeforeEach
    void open() {
        settings = freshSettings();
        store = Store.open(settings, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ModuleSettingsStore settingsStore() {
        return store.moduleSettings();
    }

    /** A second store on the same database: no shared cache, so it reads what was stored. */
    private ModuleSettings loadedAfresh(GuildId guild) {
        try (Store fresh = Store.open(settings, CLOCK)) {
            return fresh.moduleSettings().load(guild, module);
        }
    }

    @Test
    void aGuildThatChangedNothingGetsTheDefaults() {
        assertThat(settingsStore().load(GUILD, module).values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "timezone", "UTC", "lead_minutes", 60L, "announce", true, "ratio", 1.5, "title", "club", "colour", "c1"));
    }

    @Test
    void valuesAreReadAsJsonScalarsWhenTheyAreOne() {
        settingsStore().set(GUILD, module, "lead_minutes", "90");
        settingsStore().set(GUILD, module, "announce", "false");
        settingsStore().set(GUILD, module, "ratio", "2.5");
        settingsStore().set(GUILD, module, "timezone", "Europe/Berlin");
        settingsStore().set(GUILD, module, "title", "\"42\"");

        ModuleSettings stored = loadedAfresh(GUILD);
        assertThat(stored.integer("lead_minutes")).isEqualTo(90);
        assertThat(stored.flag("announce")).isFalse();
        assertThat(stored.value("ratio")).contains(2.5);
        assertThat(stored.string("timezone")).isEqualTo("Europe/Berlin");
        assertThat(stored.value("title")).contains("42");
    }

    @Test
    void aSetIsSeenByTheNextLoadThroughTheCache() {
        assertThat(settingsStore().load(GUILD, module).integer("lead_minutes")).isEqualTo(60);
        ModuleSettings returned = settingsStore().set(GUILD, module, "lead_minutes", "30");
        assertThat(returned.integer("lead_minutes")).isEqualTo(30);
        assertThat(settingsStore().load(GUILD, module).integer("lead_minutes")).isEqualTo(30);
    }

    @Test
    void aWrongTypeIsRefusedNamingTheFieldAndNothingIsStored() {
        SettingsRejected rejected = catchThrowableOfType(SettingsRejected.class,
                () -> settingsStore().set(GUILD, module, "lead_minutes", "soon"));
        assertThat(rejected.problems()).containsExactly("lead_minutes: must be a whole number");
        assertThat(loadedAfresh(GUILD).integer("lead_minutes")).isEqualTo(60);
        assertThat(settingsStore().load(GUILD, module).integer("lead_minutes")).isEqualTo(60);
    }

    @Test
    void boundsAndLengthsAreRefusedInPlainWords() {
        assertThat(problems("lead_minutes", "2")).containsExactly("lead_minutes: must be at least 5");
        assertThat(problems("lead_minutes", "5000")).containsExactly("lead_minutes: must be at most 1440");
        assertThat(problems("title", "a much too long title")).containsExactly(
                "title: must be at most 10 characters long");
        assertThat(problems("announce", "maybe")).containsExactly("announce: must be true or false");
    }

    @Test
    void aLongEnumIsSummarisedNotDumped() {
        assertThat(problems("colour", "mauve")).singleElement().asString()
                .startsWith("colour: must be one of the 40 allowed values, such as c1, c2, c3")
                .doesNotContain("c40");
    }

    @Test
    void theModulesOwnChecksRunAfterTheSchema() {
        assertThat(problems("timezone", "Mars/Olympus")).containsExactly(
                "timezone: must be a time zone such as Europe/Berlin");
        assertThat(loadedAfresh(GUILD).string("timezone")).isEqualTo("UTC");
    }

    @Test
    void anUnknownKeyIsRefusedListingTheKnownOnes() {
        assertThat(problems("colour_scheme", "dark")).containsExactly("colour_scheme: is not a setting of sample; "
                + "its settings are announce, colour, lead_minutes, ratio, timezone, title");
    }

    @Test
    void settingBackTheDefaultLeavesNoOverride() {
        settingsStore().set(GUILD, module, "lead_minutes", "30");
        settingsStore().set(GUILD, module, "lead_minutes", "60");
        assertThat(storedRows()).isZero();
    }

    @Test
    void guildsAndModulesKeepTheirOwnSettings() {
        SampleModule otherModule = new SampleModule("other");
        settingsStore().set(GUILD, module, "timezone", "Europe/Berlin");
        settingsStore().set(OTHER_GUILD, module, "timezone", "America/Chicago");
        settingsStore().set(GUILD, otherModule, "lead_minutes", "15");

        assertThat(loadedAfresh(GUILD).string("timezone")).isEqualTo("Europe/Berlin");
        assertThat(loadedAfresh(OTHER_GUILD).string("timezone")).isEqualTo("America/Chicago");
        assertThat(settingsStore().load(OTHER_GUILD, module).integer("lead_minutes")).isEqualTo(60);
        assertThat(settingsStore().load(GUILD, module).integer("lead_minutes")).isEqualTo(60);
        assertThat(settingsStore().load(GUILD, otherModule).integer("lead_minutes")).isEqualTo(15);
        assertThat(settingsStore().load(OTHER_GUILD, otherModule).string("timezone")).isEqualTo("UTC");
    }

    private int storedRows() {
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM module_settings")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> problems(String key, String value) {
        return catchThrowableOfType(SettingsRejected.class, () -> settingsStore().set(GUILD, module, key, value))
                .problems();
    }
}
