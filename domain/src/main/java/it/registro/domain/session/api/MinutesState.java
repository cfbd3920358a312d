package it.registro.domain.session.api;

/** DRAFT until signed; SIGNED; APPROVED by a vote of a later sitting (where the body approves its minutes); PUBLISHED. */
public enum MinutesState {
    DRAFT,
    SIGNED,
    APPROVED,
    PUBLISHED
}
