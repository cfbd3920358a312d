package it.registro.domain.session.api;

/** CONVENED until opened, OPEN, then CLOSED. */
public enum SessionState {
    CONVENED,
    OPEN,
    CLOSED
}
