package it.registro.domain.session.api;

/** Who presented an information item, as recorded; {@code role} as the minutes say it, e.g. "introduce", "illustra i dati". */
public record Presenter(String personId, String nameAsRecorded, String role) {
}
