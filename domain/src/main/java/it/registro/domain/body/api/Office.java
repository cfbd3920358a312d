package it.registro.domain.body.api;

/** Offices a body elects among its members. */
public enum Office {
    PRESIDENT,
    VICE_PRESIDENT
}
