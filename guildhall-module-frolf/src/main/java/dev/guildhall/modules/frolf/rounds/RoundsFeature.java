package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionEvent.ButtonClicked;
import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.event.InteractionEvent.SlashCommand;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.Timers;
import dev.guildhall.modules.frolf.FrolfSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Rounds: {@code /round create|edit|delete}, the RSVP, score and late-join buttons, the editor's score override, and
 * the reminder and start timers. {@code /round} needs the Player level; edit and delete also need the round's creator
 * or the Editor level, which only the handler can judge. Score overrides use a button on the finalized round that
 * needs the Editor level, so the dispatcher checks it like a command.
 */
public final class RoundsFeature {
    private static final Logger log = LoggerFactory.getLogger(RoundsFeature.class);
    static final String COMMAND = "round";
    static final String ROUND_OPTION = "round";

    private final RoundLifecycle lifecycle;
    private final RoundPlay play;

    public RoundsFeature(RoundRepository rounds, Timers timers, Clock clock, RoundResultsListener results) {
        this.lifecycle = new RoundLifecycle(rounds, timers, clock);
        this.play = new RoundPlay(rounds, clock, results);
    }

    public List<CommandSpec> commands() {
        OptionSpec round = OptionSpec.of(ROUND_OPTION, "The round number, as its embed shows", OptionSpec.Type.INTEGER, true);
        return List.of(new CommandSpec(COMMAND, "Schedule, edit or delete disc golf rounds", PermissionLevel.PLAYER,
                List.of(OptionSpec.subcommand("create", "Schedule a new round", List.of()),
                        OptionSpec.subcommand("edit", "Change a round you created (editors: any round)", List.of(round)),
                        OptionSpec.subcommand("delete", "Delete a round you created (editors: any round)", List.of(round)))));
    }

    public List<ComponentSpec> components() {
        return List.of(
                new ComponentSpec(RoundForm.CREATE_ID, PermissionLevel.PLAYER),
                new ComponentSpec(RoundForm.EDIT_PREFIX, PermissionLevel.PLAYER),
                new ComponentSpec(RoundEmbeds.RSVP_PREFIX, PermissionLevel.PLAYER),
                new ComponentSpec(RoundForm.SCORE_PREFIX, PermissionLevel.PLAYER),
                new ComponentSpec(RoundEmbeds.JOIN_PREFIX, PermissionLevel.PLAYER),
                new ComponentSpec(RoundForm.OVERRIDE_PREFIX, PermissionLevel.EDITOR));
    }

    /** Handles the event if it belongs to rounds; returns whether it did. */
    public boolean handle(ModuleContext context, GuildEvent event, FrolfSettings settings) {
        try {
            return route(context, event, settings);
        } catch (RoundException e) {
            if (event instanceof InteractionEvent interaction) context.replyEphemeral(interaction, e.getMessage());
            else log.info("round event {} not applied: {}", event.kind(), e.getMessage());
            return true;
        } catch (DiscordCallException e) {
            if (!(event instanceof InteractionEvent interaction)) throw e;
            log.warn("a Discord call for a round failed ({}): {}", e.kind(), e.getMessage());
            context.replyEphemeral(interaction, "Discord refused part of that (" + e.getMessage()
                    + "). Try again in a moment.");
            return true;
        }
    }

    private boolean route(ModuleContext context, GuildEvent event, FrolfSettings settings) {
        switch (event) {
            case SlashCommand command when command.name().equals(COMMAND) -> {
                String sub = command.subcommand().orElse("");
                switch (sub) {
                    case "create" -> context.act(new Action.ShowModal(context.guild(), command.interaction(),
                            RoundForm.create(settings.defaultLocation())));
                    case "edit" -> lifecycle.showEdit(context, command, roundOption(command), settings);
                    case "delete" -> lifecycle.delete(context, command, roundOption(command));
                    default -> context.replyEphemeral(command, "Use /round create, /round edit or /round delete.");
                }
                return true;
            }
            case ModalSubmitted submit when submit.customId().equals(RoundForm.CREATE_ID) -> {
                lifecycle.create(context, submit, settings);
                return true;
            }
            case ModalSubmitted submit when submit.customId().startsWith(RoundForm.EDIT_PREFIX) -> {
                lifecycle.edit(context, submit, RoundForm.roundOf(submit.customId()), settings);
                return true;
            }
            case ButtonClicked click when click.customId().startsWith(RoundEmbeds.RSVP_PREFIX) -> {
                play.rsvp(context, click);
                return true;
            }
            case ButtonClicked click when click.customId().startsWith(RoundForm.SCORE_PREFIX) -> {
                play.showScore(context, click);
                return true;
            }
            case ModalSubmitted submit when submit.customId().startsWith(RoundForm.SCORE_PREFIX) -> {
                play.enterScore(context, submit, settings);
                return true;
            }
            case ButtonClicked click when click.customId().startsWith(RoundEmbeds.JOIN_PREFIX) -> {
                play.joinLate(context, click);
                return true;
            }
            case ButtonClicked click when click.customId().startsWith(RoundForm.OVERRIDE_PREFIX) -> {
                play.showOverride(context, click);
                return true;
            }
            case ModalSubmitted submit when submit.customId().startsWith(RoundForm.OVERRIDE_PREFIX) -> {
                play.override(context, submit, settings);
                return true;
            }
            case GuildEvent.TimerFired timer when timer.name().equals(RoundLifecycle.REMINDER_TIMER) -> {
                lifecycle.remind(context, parseKey(timer.key()));
                return true;
            }
            case GuildEvent.TimerFired timer when timer.name().equals(RoundLifecycle.START_TIMER) -> {
                play.start(context, parseKey(timer.key()));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static long roundOption(SlashCommand command) {
        String text = command.option(ROUND_OPTION).orElse("");
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new RoundException(RoundException.Kind.INVALID_INPUT, "round: the round number (got '" + text + "')");
        }
    }

    private static long parseKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new RoundException(RoundException.Kind.NOT_FOUND, "timer key is not a round number: " + key);
        }
    }
}
