package it.registro.domain.session.api;

/** How the sitting is held. */
public enum SessionMode {
    IN_PERSON,
    TELEMATIC,
    MIXED
}
