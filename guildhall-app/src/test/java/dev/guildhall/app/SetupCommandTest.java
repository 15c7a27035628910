package dev.guildhall.app;

import dev.guildhall.app.EmulatorDriver.TestGuild;
import dev.guildhall.core.guild.GuildConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code guildhall setup GUILD_ID} against a Discord-compatible server (the emulator) and the SQLite store. */
class SetupCommandTest {

    @Test
    void setupFromTheCommandLineCreatesTheGuildsResourcesAndCommands(@TempDir Path data) {
        try (BotHarness bot = new BotHarness(data)) {
            TestGuild guild = bot.newGuild("Shell Club");
            bot.control().botJoin(guild.id());
            StringWriter out = new StringWriter();

            int exit = Main.commandLine(bot.env(), new PrintWriter(out, true))
                    .execute("setup", Long.toString(guild.id()), "--prefix", "shell");

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("is set up with prefix 'shell'");
            assertThat(bot.channelNames(guild)).contains("shell-events", "shell-leaderboard", "shell-signup");
            assertThat(bot.config(guild)).get().matches(GuildConfig::isConfigured);
            assertThat(bot.control().commands(OptionalLong.of(guild.id())))
                    .extracting(c -> c.get("name").asText())
                    .containsExactlyInAnyOrderElementsOf(GuildLifecycleEndToEndTest.FULL_SET);
        }
    }

    @Test
    void setupWithoutATokenFailsNamingTheVariable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var line = Main.commandLine(Map.of(), new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));

        int exit = line.execute("setup", "123456789012345678");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("DISCORD_TOKEN");
    }

    @Test
    void anInvalidPrefixIsRefusedWithTheFieldNamed(@TempDir Path data) {
        try (BotHarness bot = new BotHarness(data)) {
            TestGuild guild = bot.newGuild("Bad Prefix Club");
            bot.control().botJoin(guild.id());
            StringWriter out = new StringWriter();

            int exit = Main.commandLine(bot.env(), new PrintWriter(out, true))
                    .execute("setup", Long.toString(guild.id()), "--prefix", "Not Valid");

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).contains("prefix");
            assertThat(bot.config(guild)).isEmpty();
            assertThat(bot.channelNames(guild)).noneMatch(n -> n.endsWith("-events"));
        }
    }

}
