package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Embed;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The embed that answers a completed setup. */
final class SetupEmbeds {
    private static final int GREEN = 0x2ECC71;

    private SetupEmbeds() {}

    static Embed done(SetupReport report) {
        GuildConfig config = report.config();
        String title = report.firstSetup() ? "Guildhall is set up" : "Guildhall setup updated";
        return new Embed(title, "Modules add their commands now; `/modules list` shows them, `/config get` their "
                + "settings.", List.of(
                new Embed.Field("Channels", lines(config.channels(), id -> "<#" + id + ">"), false),
                new Embed.Field("Roles", lines(config.roles(), id -> "<@&" + id + ">"), false),
                new Embed.Field("Modules", modules(config), false)),
                GREEN);
    }

    private static String modules(GuildConfig config) {
        return Stream.concat(Stream.of(SetupModule.ID), config.enabledModules().stream().sorted())
                .collect(Collectors.joining(", "));
    }

    private static String lines(Map<String, ManagedResource> resources,
                                                    java.util.function.LongFunction<String> mention) {
        return resources.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> mention.apply(e.getValue().id()) + " " + (e.getValue().created() ? "created" : "adopted"))
                .collect(Collectors.joining("\n"));
    }

}
