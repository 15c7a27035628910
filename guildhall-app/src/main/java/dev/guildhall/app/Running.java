package dev.guildhall.app;

import java.util.Optional;

/** One started mode of the bot, as {@code run} sees it: where its HTTP server listens, and how to stop it. */
interface Running extends AutoCloseable {

    int webPort();

    /** The sandbox page, when this mode started the sandbox. */
    default Optional<String> sandboxPage() {
        return Optional.empty();
    }

    @Override
    void close();
}
