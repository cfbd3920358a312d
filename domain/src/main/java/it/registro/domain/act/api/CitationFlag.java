package it.registro.domain.act.api;

/** A discrepancy between a citation and the act it resolves to, or an ambiguity. INFO or WARNING. */
public record CitationFlag(String code, String severity, String message) {
}
