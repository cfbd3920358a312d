package it.registro.domain.session.api;

public record Signatory(String personId, String nameAsRecorded, String labelAsRecorded) {
}
