package dev.guildhall.core.module;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.settings.ModuleSettings;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A feature a guild can use, whole: its commands, the components (buttons, modals) it answers, its event handler,
 * its settings schema, the Discord resources it needs, its own database migrations and its lifecycle hooks. The
 * dispatcher checks the invoker's level before {@link #handle} sees a command or component, so a module never
 * re-checks permissions. Feature modules are built by a {@link ModuleProvider}.
 */
public interface GuildModule {

    /** Stable, lowercase id; component custom ids of this module start with {@code id + ":"}. */
    String id();

    String description();

    String version();

    /** The commands the guild gets once it is set up and has this module enabled. */
    List<CommandSpec> commands();

    /** The commands a guild that is not set up gets; only the setup module offers any. */
    default List<CommandSpec> commandsBeforeSetup() {
        return List.of();
    }

    /** The level each component custom-id prefix needs; a component with no matching prefix needs Admin. */
    default List<ComponentSpec> components() {
        return List.of();
    }

    /**
     * The JSON Schema (2020-12) of this module's per-guild settings: a flat object of scalar properties. Every
     * write is validated against it.
     */
    default String settingsSchema() {
        return "{\"type\":\"object\",\"additionalProperties\":false}";
    }

    /** The settings a guild has before it changes any, as a JSON object. Only overrides are stored. */
    default String defaultSettings() {
        return "{}";
    }

    /** Checks a schema cannot express (a real time zone, say); one line per problem, naming the field. */
    default List<String> checkSettings(ModuleSettings settings) {
        return List.of();
    }

    /** False for modules a guild cannot switch off (setup itself). */
    default boolean canBeDisabled() {
        return true;
    }

    /**
     * The kinds of events besides interactions (which reach the module that owns the command or component) that the
     * module handles; no other reaches it, and a guild event no enabled module wants costs nothing. A
     * {@link GuildEvent.TimerFired} reaches only the module whose id its name starts with ({@code id} or
     * {@code id:...}), and only if it lists {@code TimerFired}. The default is every kind.
     */
    default Set<Class<? extends GuildEvent>> events() {
        return Set.of(GuildEvent.class);
    }

    /** The channels and roles the module needs in a guild that enables it; keys start with {@code id() + "."}. */
    default List<ResourceSpec> resources() {
        return List.of();
    }

    /**
     * The classpath folder of the module's Flyway migrations (e.g. {@code db/modules/club}), applied with a history
     * table of the module's own, so modules never compete for version numbers. Empty when the module has no tables.
     */
    default Optional<String> migrations() {
        return Optional.empty();
    }

    /**
     * Called in a guild once the module is active there and its resources exist: when setup completes, when the
     * module is enabled, and when setup runs again. Runs inside the envelope's transaction; must be idempotent.
     */
    default void enabled(ModuleContext context) throws Exception {}

    /** Deletes every row the module keeps for the guild: the guild left long ago, or an admin asked for it. */
    default void purgeGuild(GuildId guild) {}

    /** Handles an event of a guild where the module is active. Throwing sends the event to retry. */
    void handle(ModuleContext context, GuildEvent event) throws Exception;
}
