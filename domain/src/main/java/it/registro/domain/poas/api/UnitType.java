package it.registro.domain.poas.api;

/** Kinds of organisational unit in a POAS (seed 000 L1960-1992). */
public enum UnitType {
    SC,
    SSD,
    SS,
    SD,
    FUN,
    DEPARTMENT,
    DIRECTION,
    /** A district (distretto) as an entity of the agency, distinct from the structure that runs it (e.g. SC 86003). */
    DISTRICT,
    OTHER
}
