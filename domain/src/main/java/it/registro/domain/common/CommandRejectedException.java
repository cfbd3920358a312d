package it.registro.domain.common;

/**
 * Thrown by a command handler when a policy rejects the command. Nothing has been applied when it
 * is thrown, so the unit of work rolls back and no event is stored.
 */
public class CommandRejectedException extends RuntimeException {

    private final Rejection rejection;

    public CommandRejectedException(Rejection rejection) {
        super(rejection.code() + ": " + rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
