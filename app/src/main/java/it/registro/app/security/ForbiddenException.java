package it.registro.app.security;

/** A command the caller may not send. Nothing was applied. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
