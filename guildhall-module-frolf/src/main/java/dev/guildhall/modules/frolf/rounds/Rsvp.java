package dev.guildhall.modules.frolf.rounds;

/** A player's answer to a round's invitation. */
public enum Rsvp { ACCEPTED, TENTATIVE, DECLINED }
