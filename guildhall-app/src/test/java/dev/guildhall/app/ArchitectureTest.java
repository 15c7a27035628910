package dev.guildhall.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** What Maven modules cannot enforce alone: which packages may touch which libraries. */
class ArchitectureTest {
    private static final JavaClasses GUILDHALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.guildhall");

    @Test
    void onlyTheDiscordAdapterUsesJda() {
        noClasses().that().resideOutsideOfPackage("dev.guildhall.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion.jda..")
                .check(GUILDHALL);
    }

    @Test
    void coreDependsOnNoAdapterAndNoInfrastructure() {
        noClasses().that().resideInAPackage("dev.guildhall.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.guildhall.store..", "dev.guildhall.bus..",
                        "dev.guildhall.discord..", "dev.guildhall.web..", "dev.guildhall.modules..",
                        "dev.guildhall.app..", "dev.guildhall.emulator..", "java.sql..", "io.javalin..",
                        "com.fasterxml.jackson..", "org.jdbi..")
                .check(GUILDHALL);
    }

    @Test
    void modulesTalkToDiscordOnlyThroughActionsAndToThePlatformOnlyThroughCore() {
        noClasses().that().resideInAPackage("dev.guildhall.modules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.guildhall.store..", "dev.guildhall.discord..",
                        "dev.guildhall.bus..", "dev.guildhall.web..", "dev.guildhall.app..")
                .check(GUILDHALL);
    }

    @Test
    void onlyAModulesStorageAdapterTouchesSql() {
        noClasses().that().resideInAPackage("dev.guildhall.modules..")
                .and().resideOutsideOfPackage("dev.guildhall.modules.*.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..")
                .check(GUILDHALL);
    }

    @Test
    void theStoreAndCoreDependOnNoFeatureModule() {
        noClasses().that().resideInAnyPackage("dev.guildhall.core..", "dev.guildhall.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.guildhall.modules..")
                .check(GUILDHALL);
    }

    @Test
    void aFeatureModuleDependsOnNoOtherFeatureModule() {
        noClasses().that().resideInAPackage("dev.guildhall.modules.frolf..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.guildhall.modules.setup..",
                        "dev.guildhall.modules.admin..")
                .check(GUILDHALL);
    }

    /** Core knows no feature by name: not in a type, a constant or a comment. */
    @Test
    void coreNamesNoFeature() throws IOException {
        Path core = Path.of("..", "guildhall-core", "src", "main");
        List<String> features = List.of("frolf", "disc golf", "moderation", "economy", "antiraid", "anti-raid");
        try (Stream<Path> files = Files.walk(core)) {
            List<String> offending = files.filter(Files::isRegularFile).flatMap(file -> {
                String text = read(file).toLowerCase(Locale.ROOT);
                return features.stream().filter(text::contains).map(name -> core.relativize(file) + ": " + name);
            }).toList();
            assertThat(offending).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theEmulatorIsIndependentOfTheBot() {
        noClasses().that().resideInAPackage("dev.guildhall.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.guildhall.core..", "dev.guildhall.discord..")
                .check(GUILDHALL);
    }
}
