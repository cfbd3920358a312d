package it.registro.domain.common;

import java.util.Objects;

/**
 * The outcome of a business rule that says "no": a stable code, a human message, the offending
 * field (if one field is to blame) and the kind of refusal, which the web layer maps to a status.
 * A rejection is a normal result of deciding, not a crash.
 */
public record Rejection(String code, String message, String field, Kind kind) {

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
