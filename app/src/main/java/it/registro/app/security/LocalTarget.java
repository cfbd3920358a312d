package it.registro.app.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where to go after signing in: a page of this service only, never another site. */
public final class LocalTarget {

    private LocalTarget() {
    }

    public static boolean local(String next) {
        return next != null && next.matches("/web(/[A-Za-z0-9._~%/?=&+-]*)?") && !next.contains("//");
    }

    public static String of(String next) {
        return local(next) ? next : "/web";
    }

    /** The sign-in form, leading back to {@code here} when it is a page of this service. */
    public static String loginFor(String here) {
        return "/web/login" + (local(here) ? "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8) : "");
    }

    /** {@code &next=…} for a local target, else nothing. */
    public static String query(String next) {
        return local(next) ? "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "";
    }
}
