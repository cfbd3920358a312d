package it.registro.app.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The bodies each HTTP Basic account's secretariat records for, from the configuration. */
@Component
public class AccountBodies {

    private final Map<String, List<String>> bodies = new HashMap<>();

    public AccountBodies(SecurityProperties properties) {
        properties.users().forEach(u -> bodies.put(u.username(), List.copyOf(u.bodies())));
    }

    public Map<String, List<String>> all() {
        return bodies;
    }

    /** The caller of the current request: who, with which roles, recording for which bodies (null when anonymous). */
    public Caller current() {
        org.springframework.security.core.Authentication a = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return Caller.anonymousRequest() || a == null ? null : Caller.of(a, all());
    }
}
