package it.registro.domain.proceeding.api;

/**
 * A unit as a proceeding names it: the table's wording, always kept, and the register's unit when one
 * matches (null when none does, e.g. "Funzione Formazione (Ufficio Formazione)").
 */
public record UnitRef(String unitId, String asRecorded) {

    public boolean names(String id) {
        return unitId != null && unitId.equals(id);
    }
}
