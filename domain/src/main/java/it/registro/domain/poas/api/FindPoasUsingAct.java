package it.registro.domain.poas.api;

/** The ids of the POAS whose adoption, modification, amendment or approval is the act. */
public record FindPoasUsingAct(String actId) {
}
