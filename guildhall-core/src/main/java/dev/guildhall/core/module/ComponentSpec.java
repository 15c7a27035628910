package dev.guildhall.core.module;

import dev.guildhall.core.command.PermissionLevel;

/** Buttons and modals whose custom id starts with {@code customIdPrefix} need {@code level}, like a command. */
public record ComponentSpec(String customIdPrefix, PermissionLevel level) {}
