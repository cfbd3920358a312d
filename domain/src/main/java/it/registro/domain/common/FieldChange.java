package it.registro.domain.common;

/** One field of a recorded fact changed by a correction: its value before, and the value it takes. */
public record FieldChange(String field, String previous, String value) {
}
