package dev.guildhall.discord;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Gives a test class one connected {@link EmulatedDiscord}: started when first asked for, closed by JUnit after the
 * class's own {@code @AfterAll} methods ran.
 */
final class EmulatedDiscordExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmulatedDiscordExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatedDiscord.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return classContext(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent("discord", key -> new Started(startDiscord()), Started.class)
                .discord();
    }

    /** The class-level context, so one Discord serves every test of the class whatever asked for it. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext at = context;
        while (at.getTestMethod().isPresent() && at.getParent().isPresent()) at = at.getParent().get();
        return at;
    }

    private static EmulatedDiscord startDiscord() {
        try {
            return EmulatedDiscord.start();
        } catch (Exception e) {
            throw new ParameterResolutionException("the emulated Discord did not start", e);
        }
    }

    @SuppressWarnings("deprecation") // CloseableResource for JUnit versions that do not close AutoCloseable values
    private record Started(EmulatedDiscord discord) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            discord.close();
        }
    }
}
