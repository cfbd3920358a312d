package it.registro.app.web;

/** A command the caller may not send. Nothing was applied. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
