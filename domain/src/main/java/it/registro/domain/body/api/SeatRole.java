package it.registro.domain.body.api;

/**
 * What a seat is for. A seat is a place in the body (e.g. "President of the Conferenza dei Sindaci
 * of ASST Cremona"), not a person; people hold it for a time.
 */
public enum SeatRole {
    /** The President of an ASST's Conferenza dei Sindaci, ex officio (seed 004 L19-21). */
    CONFERENCE_PRESIDENT,
    /** "Nominativo eletto dalla Conferenza dei Sindaci" / "MEMBRO NOMINATO" (seed 004 L28-30, L240-241). */
    ELECTED_BY_CONFERENCE,
    /** The mayor of a comune (Conferenza, Assemblea di Distretto). */
    MAYOR,
    /** Any other seat, described by its label. */
    OTHER
}
