package dev.guildhall.bench;

import java.time.Duration;

/** Offers one command to the system under test and blocks until its first answer or the timeout. */
@FunctionalInterface
interface CommandSender {

    /**
     * @param index the command's number in the run, unique within it
     * @param guild the guild slot, 0 to the run's guild count - 1
     */
    Outcome send(int index, int guild, Duration timeout);
}
