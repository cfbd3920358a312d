package it.registro.domain.act.api;

/** The form of an act: a decreto of a single-person organ, a deliberazione of a collegial one, a regional DGR, … */
public enum ActType {
    DECRETO,
    DELIBERAZIONE,
    DGR,
    DETERMINA,
    NOTA,
    CIRCOLARE,
    OTHER
}
