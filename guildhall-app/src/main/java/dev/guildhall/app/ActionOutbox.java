package dev.guildhall.app;

import dev.guildhall.core.id.GuildId;

import java.util.List;

/**
 * Where the actions of one exactly-once unit go: those that need no answer are collected while the unit runs, stored
 * with its ledger record, and delivered only after that record committed. Delivering the same stored actions again
 * (a redelivered envelope) must not execute any of them twice.
 */
interface ActionOutbox {
    /** Starts collecting the actions that the calling thread asks for while running unit {@code unitId}. */
    Collecting collect(String unitId);

    /** Executes, or hands on for execution, the stored actions of unit {@code unitId}, which committed. */
    void deliver(GuildId guild, String unitId, List<String> stored);

    /** The actions one unit asked for, in their stored form; closing stops collecting. */
    interface Collecting extends AutoCloseable {
        List<String> actions();

        @Override
        void close();
    }
}
