package it.registro.domain.act.api;

/** Who signed the act, with the role and name as the act prints them ("IL DIRETTORE GENERALE – DR. GIUSEPPE ROSSI"). */
public record ActSignatory(String role, String nameAsRecorded, String personId) {
}
