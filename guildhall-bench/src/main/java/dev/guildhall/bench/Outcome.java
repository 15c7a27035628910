package dev.guildhall.bench;

/** What became of one offered command. */
sealed interface Outcome {

    /**
     * The system answered; {@code deferred} when that first answer only acknowledged the command ("thinking...")
     * and the real reply came later.
     */
    record Answered(boolean deferred) implements Outcome {}

    /** No answer within the command's timeout. */
    record TimedOut() implements Outcome {}

    /** The command could not be offered or the system refused it; {@code reason} says why, without secrets. */
    record Failed(String reason) implements Outcome {}
}
