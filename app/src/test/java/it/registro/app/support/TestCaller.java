package it.registro.app.support;

import java.util.List;

import org.axonframework.messaging.MetaData;

import it.registro.app.security.Caller;

/** The metadata a REST request gives a command, for tests that send commands straight to the gateway. */
public final class TestCaller {

    private TestCaller() {
    }

    /** "tester", administrator and secretariat of the bodies named. */
    public static MetaData tester(String... bodies) {
        return MetaData.with(Caller.PRINCIPAL, "tester").and(Caller.ROLES, List.of("ADMIN", "SECRETARIAT"))
                .and(Caller.BODIES, List.of(bodies)).and("channel", "test");
    }
}
