package it.registro.domain.session.api;

/** How serious a discrepancy is. */
public enum Severity {
    INFO,
    WARNING
}
