package it.registro.domain.session.api;

/** The outcome of a vote. */
public enum Outcome {
    PASSED,
    NOT_PASSED
}
