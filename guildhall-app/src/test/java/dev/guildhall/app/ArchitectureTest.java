package dev.guildhall.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
    void modulesTalkToDiscordAndStorageOnlyThroughCorePorts() {
        noClasses().that().resideInAPackage("dev.guildhall.modules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.guildhall.store..", "dev.guildhall.discord..",
                        "dev.guildhall.bus..", "dev.guildhall.web..", "java.sql..")
                .check(GUILDHALL);
    }

    @Test
    void theEmulatorIsIndependentOfTheBot() {
        noClasses().that().resideInAPackage("dev.guildhall.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.guildhall.core..", "dev.guildhall.discord..")
                .check(GUILDHALL);
    }
}
