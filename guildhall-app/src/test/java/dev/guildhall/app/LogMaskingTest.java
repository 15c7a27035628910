package dev.guildhall.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The production log configuration never prints an interaction token, in either format. */
class LogMaskingTest {
    private static final String PAYLOAD = "INTERACTION_CREATE -> {\"id\":\"1\",\"token\":\"aW50ZXJhY3Rpb24secret\",\"type\":5}";

    /** Encodes one event the way the Discord client logs an unparseable payload, with the configured encoder. */
    @SuppressWarnings("unchecked")
    private String logThrough(String format) throws Exception {
        System.setProperty("LOG_FORMAT", format);
        try {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/logback.xml"));
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            var appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender(format);
            Logger jda = context.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), jda, Level.WARN,
                    "Got an unexpected Json-parse error\n{}", new IllegalStateException(PAYLOAD), new Object[] {PAYLOAD});
            String logged = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
            context.stop();
            return logged;
        } finally {
            System.clearProperty("LOG_FORMAT");
        }
    }

    @Test
    void jsonLogsMaskInteractionTokens() throws Exception {
        String logged = logThrough("json");

        assertThat(logged).contains("INTERACTION_CREATE").doesNotContain("secret");
    }

    @Test
    void textLogsMaskInteractionTokens() throws Exception {
        String logged = logThrough("text");

        assertThat(logged).contains("INTERACTION_CREATE").doesNotContain("secret");
    }
}
