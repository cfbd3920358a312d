package it.registro.domain.session.api;

/** A voter's choice. */
public enum Choice {
    FOR,
    AGAINST,
    ABSTAIN
}
