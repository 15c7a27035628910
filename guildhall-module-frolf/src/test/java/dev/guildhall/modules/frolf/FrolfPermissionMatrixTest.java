package dev.guildhall.modules.frolf;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.module.ComponentSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frolf command, subcommand, button and modal at every level: the dispatcher lets through exactly the levels at
 * or above what it declares, and refuses the rest before the module sees the event. Built from what the module
 * declares, so a new command or button is covered without touching this test.
 */
class FrolfPermissionMatrixTest {
    private static final Map<PermissionLevel, Invoker> INVOKERS = Map.of(
            PermissionLevel.EVERYONE, FrolfFixture.nobody(30),
            PermissionLevel.PLAYER, FrolfFixture.player(31),
            PermissionLevel.EDITOR, FrolfFixture.editor(32),
            PermissionLevel.ADMIN, FrolfFixture.admin(33));

    /** Custom ids as the buttons carry them, where more than a number follows the declared prefix. */
    private static final Map<String, String> SAMPLE_SUFFIXES = Map.of("frolf:tag:swap:", "accept:1");

    private record Case(String label, PermissionLevel required, java.util.function.BiConsumer<FrolfFixture, Invoker> send) {}

    private static List<Case> cases() {
        FrolfFixture f = new FrolfFixture();
        List<Case> cases = new ArrayList<>();
        for (CommandSpec command : f.module.commands()) {
            List<OptionSpec> subs = command.options().stream().filter(o -> o.type() == OptionSpec.Type.SUB_COMMAND).toList();
            if (subs.isEmpty()) {
                cases.add(new Case("/" + command.name(), command.level(),
                        (fx, who) -> fx.command(who, command.name(), null, sampleOptions(command.options()))));
            }
            for (OptionSpec sub : subs) {
                cases.add(new Case("/" + command.name() + " " + sub.name(), command.level(),
                        (fx, who) -> fx.command(who, command.name(), sub.name(), sampleOptions(sub.options()))));
            }
        }
        for (ComponentSpec component : f.module.components()) {
            String id = component.customIdPrefix().endsWith(":")
                    ? component.customIdPrefix() + SAMPLE_SUFFIXES.getOrDefault(component.customIdPrefix(), "1")
                    : component.customIdPrefix();
            cases.add(new Case("button " + id, component.level(), (fx, who) -> fx.click(who, id)));
            cases.add(new Case("modal " + id, component.level(), (fx, who) -> fx.submit(who, id, Map.of())));
        }
        return cases;
    }

    private static Map<String, String> sampleOptions(List<OptionSpec> options) {
        Map<String, String> values = new java.util.HashMap<>();
        for (OptionSpec option : options) {
            values.put(option.name(), switch (option.type()) {
                case INTEGER -> "1";
                case BOOLEAN -> "true";
                case USER -> "31";
                default -> "x";
            });
        }
        return values;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAndComponentAtEveryLevel() {
        return cases().stream().flatMap(c -> INVOKERS.entrySet().stream().map(level -> DynamicTest.dynamicTest(
                c.label() + " as " + level.getKey(), () -> {
                    FrolfFixture fx = new FrolfFixture();
                    fx.createRound(FrolfFixture.player(31), "Matrix", "2026-05-02 18:00");
                    int before = fx.discord.actions.size();
                    c.send().accept(fx, level.getValue());
                    List<Action> after = fx.discord.actions.subList(before, fx.discord.actions.size());
                    boolean refused = after.stream().anyMatch(a -> a instanceof Action.Reply r && r.ephemeral()
                            && r.message().content().startsWith("You are not allowed"));
                    assertThat(refused).as("%s as %s needs %s", c.label(), level.getKey(), c.required())
                            .isEqualTo(!level.getKey().allows(c.required()));
                    if (refused) assertThat(after).hasSize(1); // the refusal, nothing else
                })));
    }

    @Test
    void everyCommandAndComponentIsDeclaredWithTheLevelTheRulesGive() {
        FrolfModule module = new FrolfFixture().module;
        assertThat(module.commands()).filteredOn(c -> c.name().equals("round"))
                .extracting(CommandSpec::level).containsExactly(PermissionLevel.PLAYER);
        assertThat(module.components()).contains(
                new ComponentSpec("frolf:rsvp:", PermissionLevel.PLAYER),
                new ComponentSpec("frolf:score:enter:", PermissionLevel.PLAYER),
                new ComponentSpec("frolf:round:join:", PermissionLevel.PLAYER),
                new ComponentSpec("frolf:score:override:", PermissionLevel.EDITOR));
    }

    @Test
    void aPlayerWhoDidNotCreateTheRoundMayNotEditOrDeleteItButItsCreatorAndEditorsMay() {
        for (String sub : List.of("edit", "delete")) {
            FrolfFixture fx = new FrolfFixture();
            long id = fx.createRound(FrolfFixture.player(31), "Matrix", "2026-05-02 18:00");
            fx.command(FrolfFixture.player(34), "round", sub, Map.of("round", String.valueOf(id)));
            assertThat(fx.lastEphemeralReply()).as(sub).contains("Only the creator");
            assertThat(fx.rounds.find(FrolfFixture.GUILD, id)).isPresent();
            fx.submit(FrolfFixture.player(34), "frolf:round:edit:" + id, Map.of("title", "x", "start", "2026-05-03 18:00"));
            assertThat(fx.lastEphemeralReply()).contains("Only the creator");

            int replies = fx.discord.actions(Action.Reply.class).size();
            fx.command(FrolfFixture.editor(32), "round", sub, Map.of("round", String.valueOf(id)));
            assertThat(fx.discord.actions(Action.Reply.class).subList(replies, fx.discord.actions(Action.Reply.class).size()))
                    .noneMatch(r -> r.message().content().contains("Only the creator"));
            if (sub.equals("edit")) {
                assertThat(fx.discord.last(Action.ShowModal.class).modal().customId()).isEqualTo("frolf:round:edit:" + id);
                fx.command(FrolfFixture.player(31), "round", sub, Map.of("round", String.valueOf(id)));
                assertThat(fx.discord.actions(Action.ShowModal.class)).hasSize(2);
            } else {
                assertThat(fx.rounds.find(FrolfFixture.GUILD, id)).isEmpty();
            }
        }
    }

    @Test
    void aNonEditorCannotOpenOrSubmitTheScoreOverride() {
        FrolfFixture fx = new FrolfFixture();
        fx.submit(FrolfFixture.player(31), "frolf:score:override:1", Map.of("player", "31", "score", "-9"));
        assertThat(fx.lastEphemeralReply()).startsWith("You are not allowed").contains("editor");
        assertThat(Optional.of(fx.discord.actions.size())).contains(1);
    }
}
