package it.registro.domain.proceeding.api;

/** A proceeding starts on a party's request (with its protocol number) or ex officio. */
public enum OpeningBasis {
    REQUEST,
    EX_OFFICIO
}
