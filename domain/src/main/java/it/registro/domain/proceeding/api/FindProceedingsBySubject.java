package it.registro.domain.proceeding.api;

/** Access requests for one session or act. */
public record FindProceedingsBySubject(Subject.Kind kind, String id) {
}
