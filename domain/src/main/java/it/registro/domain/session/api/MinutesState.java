package it.registro.domain.session.api;

/** DRAFT until signed, SIGNED, then PUBLISHED. */
public enum MinutesState {
    DRAFT,
    SIGNED,
    PUBLISHED
}
