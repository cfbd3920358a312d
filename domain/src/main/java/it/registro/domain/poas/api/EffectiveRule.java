package it.registro.domain.poas.api;

/** When a scheduled activation takes effect: on a date, or on the approval of the POAS ("da data approvazione POAS"). */
public enum EffectiveRule {
    DATE,
    ON_APPROVAL
}
