package dev.guildhall.modules.frolf.rounds;

/** Where a round is in its life: RSVPs until the start, scores while in progress, results once finalized. */
public enum RoundStatus { SCHEDULED, IN_PROGRESS, FINALIZED }
