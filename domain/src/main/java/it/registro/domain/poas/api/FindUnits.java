package it.registro.domain.poas.api;

/** Units of an agency with a code: codes repeat across types and presidi (seed 000). */
public record FindUnits(String agency, String code) {
}
