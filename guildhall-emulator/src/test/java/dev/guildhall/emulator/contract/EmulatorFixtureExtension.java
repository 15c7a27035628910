package dev.guildhall.emulator.contract;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one started {@link EmulatorFixture}, shared by all its tests and closed by JUnit after the
 * class's own {@code @AfterAll} methods ran.
 */
final class EmulatorFixtureExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmulatorFixtureExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatorFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return classContext(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent("fixture", key -> new Started(EmulatorFixture.start()), Started.class)
                .fixture();
    }

    /** The class-level context, so one emulator serves every test of the class whatever asked for it. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext at = context;
        while (at.getTestMethod().isPresent() && at.getParent().isPresent()) at = at.getParent().get();
        return at;
    }

    @SuppressWarnings("deprecation") // CloseableResource for JUnit versions that do not close AutoCloseable values
    private record Started(EmulatorFixture fixture) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            fixture.close();
        }
    }
}
