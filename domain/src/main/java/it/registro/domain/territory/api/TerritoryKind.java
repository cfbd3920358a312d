package it.registro.domain.territory.api;

/** What a body's territory is: an ambito (Assemblea dei sindaci), a district (Assemblea di Distretto), an ASST (Conferenza). */
public enum TerritoryKind {
    AMBITO,
    DISTRICT,
    AGENCY
}
