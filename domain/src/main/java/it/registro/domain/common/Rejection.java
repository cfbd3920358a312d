package it.registro.domain.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a business rule that says "no": a stable code, a human message, the offending
 * field (if one field is to blame) and the kind of refusal, which the web layer maps to a status.
 * A rejection is a normal result of deciding, not a crash.
 */
public record Rejection(String code, String message, String field, Kind kind, Map<String, Object> details) {

    public enum Kind {
        /** The command contradicts a rule (422). */
        INVALID,
        /** The command collides with existing state, e.g. a duplicate identity (409). */
        CONFLICT,
        /** The command names something that does not exist (404). */
        NOT_FOUND
    }

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Rejection(String code, String message, String field, Kind kind) {
        this(code, message, field, kind, Map.of());
    }

    /** The same rejection with the figures that explain it (e.g. {tally: 5, presentMembers: 4}). */
    public Rejection withDetails(Map<String, Object> figures) {
        return new Rejection(code, message, field, kind, figures);
    }

    public static Rejection invalid(String code, String field, String message) {
        return new Rejection(code, message, field, Kind.INVALID);
    }

    public static Rejection conflict(String code, String field, String message) {
        return new Rejection(code, message, field, Kind.CONFLICT);
    }

    public static Rejection notFound(String code, String field, String message) {
        return new Rejection(code, message, field, Kind.NOT_FOUND);
    }
}
