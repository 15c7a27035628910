package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Invoker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every tags command and button, at every level, through the real dispatcher: allowed from its level up, refused below. */
class TagsPermissionTest {

    record Use(String label, PermissionLevel needs, BiConsumer<TagsFixture, Invoker> perform) {
        @Override public String toString() { return label; }
    }

    static Stream<Arguments> matrix() {
        List<Use> uses = List.of(
                new Use("/claimtag", PermissionLevel.PLAYER, (f, who) -> f.claim(who, 9)),
                new Use("/leaderboard", PermissionLevel.EVERYONE, (f, who) -> f.command(who, "leaderboard", null, Map.of())),
                new Use("/season start", PermissionLevel.ADMIN,
                        (f, who) -> f.command(who, "season", "start", Map.of("name", "S"))),
                new Use("/season end", PermissionLevel.ADMIN, (f, who) -> f.command(who, "season", "end", Map.of())),
                new Use("/season standings", PermissionLevel.ADMIN,
                        (f, who) -> f.command(who, "season", "standings", Map.of())),
                new Use("swap accept button", PermissionLevel.PLAYER, (f, who) -> f.click(who, "frolf:tag:swap:accept:1")),
                new Use("swap decline button", PermissionLevel.PLAYER, (f, who) -> f.click(who, "frolf:tag:swap:decline:1")),
                new Use("leaderboard page button", PermissionLevel.EVERYONE, (f, who) -> f.click(who, "frolf:lb:page:2")));
        List<Arguments> cases = new ArrayList<>();
        for (Use use : uses) {
            for (PermissionLevel level : PermissionLevel.values()) cases.add(Arguments.of(use, level));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("matrix")
    void eachCommandAndButtonIsAllowedExactlyFromItsLevelUp(Use use, PermissionLevel level) {
        TagsFixture f = new TagsFixture();
        Invoker who = TagsFixture.at(level, 40);

        use.perform().accept(f, who);

        boolean refused = f.discord.actions(Action.Reply.class).stream()
                .anyMatch(r -> r.message().content().startsWith("You are not allowed"));
        assertThat(refused).as("%s at %s", use, level).isEqualTo(!level.allows(use.needs()));
        assertThat(f.handled.isEmpty()).as("the feature saw %s at %s", use, level).isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0} with Discord's Administrator permission")
    @MethodSource("uses")
    void discordAdministratorsMayUseEverything(Use use) {
        TagsFixture f = new TagsFixture();

        use.perform().accept(f, new Invoker(dev.guildhall.core.id.UserId.of(41), "owner", java.util.Set.of(), true));

        assertThat(f.handled).isNotEmpty();
    }

    static Stream<Use> uses() {
        return matrix().map(a -> (Use) a.get()[0]).distinct();
    }
}
