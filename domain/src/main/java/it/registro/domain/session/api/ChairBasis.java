package it.registro.domain.session.api;

/** On what ground someone chairs: interim (e.g. the DG before an election), as President, or as substitute. */
public enum ChairBasis {
    INTERIM,
    PRESIDENT,
    VICE_PRESIDENT,
    SUBSTITUTE
}
