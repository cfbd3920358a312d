package it.registro.domain.session.api;

/** How a designation was decided: "all'unanimità" with no counts, or by a counted vote. */
public enum DesignationBasis {
    UNANIMOUS,
    MAJORITY
}
