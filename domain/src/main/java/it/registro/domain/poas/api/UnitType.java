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
    OTHER
}
