package it.registro.domain.session.api;

/** Who presented an information item, as recorded; {@code role} e.g. "introduces", "data". */
public record Presenter(String personId, String nameAsRecorded, String role) {
}
