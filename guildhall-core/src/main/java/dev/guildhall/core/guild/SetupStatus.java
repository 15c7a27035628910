package dev.guildhall.core.guild;

/** {@code IN_PROGRESS}: setup started and has not finished (a Discord call failed half-way); re-running completes it. */
public enum SetupStatus { IN_PROGRESS, COMPLETE }
