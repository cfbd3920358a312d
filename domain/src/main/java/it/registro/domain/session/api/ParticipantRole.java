package it.registro.domain.session.api;

/** Why a non-member takes part; non-members never vote and never count. */
public enum ParticipantRole {
    DIRECTOR_GENERAL,
    DIRECTOR,
    STAFF,
    MINUTE_TAKER,
    PRESENTER,
    GUEST,
    OTHER
}
