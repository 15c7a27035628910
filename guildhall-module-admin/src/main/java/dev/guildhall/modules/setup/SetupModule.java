package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent.ButtonClicked;
import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.event.InteractionEvent.SlashCommand;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ModuleRegistry;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Guild lifecycle and setup. Always active: an unconfigured guild gets {@code /setup} only; a configured one also
 * gets {@code /reset}. Both need the Admin level (Discord's Administrator permission, or the Admin role once set up).
 */
public final class SetupModule implements GuildModule {
    public static final String ID = "setup";
    static final CommandSpec SETUP = CommandSpec.of("setup", "Set up Guildhall in this server: roles and the channels its modules need",
            PermissionLevel.ADMIN);
    static final CommandSpec RESET = CommandSpec.of("reset", "Remove what setup created and return to /setup only",
            PermissionLevel.ADMIN);
    static final String RESET_CONFIRM = "setup:reset:confirm";
    static final String RESET_PURGE = "setup:reset:purge";
    static final String RESET_CANCEL = "setup:reset:cancel";

    private final SetupService service;
    private final Supplier<ModuleRegistry> registry;

    public SetupModule(SetupService service, Supplier<ModuleRegistry> registry) {
        this.service = service;
        this.registry = registry;
    }

    @Override public String id() { return ID; }

    @Override public String description() { return "Guild lifecycle: setup, reset, leaving and re-joining"; }

    @Override public String version() { return "1.0.0"; }

    @Override public List<CommandSpec> commands() { return List.of(SETUP, RESET); }

    @Override public List<CommandSpec> commandsBeforeSetup() { return List.of(SETUP); }

    @Override public List<ComponentSpec> components() {
        return List.of(new ComponentSpec(SetupForm.CUSTOM_ID, PermissionLevel.ADMIN),
                new ComponentSpec("setup:reset:", PermissionLevel.ADMIN));
    }

    /** Only these besides its own commands and components. */
    @Override public Set<Class<? extends GuildEvent>> events() {
        return Set.of(GuildEvent.GuildJoined.class, GuildEvent.GuildLeft.class, GuildEvent.ChannelDeleted.class,
                GuildEvent.RoleDeleted.class);
    }

    @Override public boolean canBeDisabled() { return false; }

    @Override
    public void handle(ModuleContext context, GuildEvent event) {
        switch (event) {
            case GuildEvent.GuildJoined joined -> service.guildJoined(context.guild());
            case GuildEvent.GuildLeft left -> service.guildLeft(context.guild());
            case GuildEvent.ChannelDeleted deleted -> service.channelDeleted(context.guild(), deleted.channel());
            case GuildEvent.RoleDeleted deleted -> service.roleDeleted(context.guild(), deleted.role());
            case SlashCommand command when command.name().equals(SETUP.name()) -> context.act(new Action.ShowModal(
                    context.guild(), command.interaction(), SetupForm.modal(service.currentSettings(context.guild()))));
            case SlashCommand command when command.name().equals(RESET.name()) -> context.reply(command,
                    MessageContent.text("This deletes the channels and roles Guildhall created here and turns its "
                            + "commands off until /setup runs again. Channels and roles it adopted stay. The modules' "
                            + "data is kept 30 days for a new /setup, unless you delete it now. Reset?")
                            .withButtons(List.of(new ButtonSpec(RESET_CONFIRM, "Reset", ButtonSpec.Style.DANGER),
                                    new ButtonSpec(RESET_PURGE, "Reset and delete all data", ButtonSpec.Style.DANGER),
                                    new ButtonSpec(RESET_CANCEL, "Cancel", ButtonSpec.Style.SECONDARY))), true);
            case ModalSubmitted submit when submit.customId().equals(SetupForm.CUSTOM_ID) -> submitted(context, submit);
            case ButtonClicked click when click.customId().equals(RESET_CONFIRM) -> resetConfirmed(context, click, false);
            case ButtonClicked click when click.customId().equals(RESET_PURGE) -> resetConfirmed(context, click, true);
            case ButtonClicked click when click.customId().equals(RESET_CANCEL) -> context.act(
                    new Action.UpdateSourceMessage(context.guild(), click.interaction(),
                            MessageContent.text("Reset cancelled: nothing was changed.")));
            default -> { }
        }
    }

    private void submitted(ModuleContext context, ModalSubmitted submit) {
        try {
            SetupReport report = service.run(context.guild(), SetupForm.read(submit));
            service.announceEnabled(context, report.config(), registry.get().enabledIn(report.config()));
            context.reply(submit, MessageContent.embed(SetupEmbeds.done(report)), false);
        } catch (SetupException e) {
            context.replyEphemeral(submit, e.getMessage());
        }
    }

    private void resetConfirmed(ModuleContext context, ButtonClicked click, boolean purgeData) {
        String outcome;
        try {
            service.reset(context.guild(), purgeData);
            outcome = "Guildhall was reset: what it created is deleted, and /setup starts over."
                    + (purgeData ? " Every module's data for this server is deleted too." : "");
        } catch (SetupException e) {
            outcome = e.getMessage();
        }
        context.act(new Action.UpdateSourceMessage(context.guild(), click.interaction(), MessageContent.text(outcome)));
    }
}
