package it.registro.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: a name, roles, and the bodies a secretariat may record for. */
public record Caller(String principal, Set<Role> roles, Set<String> bodies) {

    public static final String PRINCIPAL = "principal";
    public static final String ROLES = "roles";
    public static final String BODIES = "bodies";

    /** Whether the current request has no signed-in caller: the albo's anonymous readers. */
    public static boolean anonymousRequest() {
        Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken;
    }

    /** The signed-in caller's name, or "anonymous". */
    public static String currentPrincipal() {
        Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return anonymousRequest() || auth.getName() == null ? "anonymous" : auth.getName();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** From an authenticated request: roles from the authorities, bodies from the token or the account. */
    static Caller of(Authentication authentication, Map<String, List<String>> accountBodies) {
        Set<Role> roles = new TreeSet<>();
        for (GrantedAuthority a : authentication.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    Role role = Role.valueOf(name.substring(5));
                    if (role != Role.SYSTEM) {
                        roles.add(role);
                    }
                } catch (IllegalArgumentException ignored) {
                    // an authority this service does not know grants nothing
                }
            }
        }
        Set<String> bodies = new TreeSet<>();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            bodies.addAll(claimList(jwt.getToken(), BODIES));
        } else {
            bodies.addAll(accountBodies.getOrDefault(authentication.getName(), List.of()));
        }
        return new Caller(authentication.getName(), roles, bodies);
    }

    static List<String> claimList(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value).split("[ ,]+"));
    }
}
