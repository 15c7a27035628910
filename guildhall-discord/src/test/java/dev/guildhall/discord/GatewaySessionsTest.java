package dev.guildhall.discord;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySessionsTest {
    private static String tag(String position) {
        return position.substring(0, position.indexOf('.'));
    }

    @Test
    void aSessionKeepsItsTagWhileItsSequenceGoesUpAndEventsOfOneDispatchShareAPosition() {
        GatewaySessions sessions = new GatewaySessions();
        String first = sessions.position(0, 1);
        String second = sessions.position(0, 2);
        String sameDispatch = sessions.position(0, 2);

        assertThat(tag(second)).isEqualTo(tag(first));
        assertThat(sameDispatch).isEqualTo(second);
        assertThat(second).endsWith(".2");
    }

    /** A new session numbers from 1 again: its events must not get the ids of the old session's. */
    @Test
    void aSequenceStartingOverIsANewSessionWithANewTag() {
        GatewaySessions sessions = new GatewaySessions();
        String old = sessions.position(0, 1);
        sessions.position(0, 40);

        String renewed = sessions.position(0, 1);

        assertThat(renewed).isNotEqualTo(old);
        assertThat(tag(sessions.position(0, 2))).isEqualTo(tag(renewed));
    }

    @Test
    void shardsAndProcessesHaveTagsOfTheirOwn() {
        GatewaySessions one = new GatewaySessions();
        GatewaySessions another = new GatewaySessions();

        assertThat(one.position(0, 5)).isNotEqualTo(one.position(1, 5)).isNotEqualTo(another.position(0, 5));
    }
}
