package it.registro.domain.comune.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record IstatCodeRecorded(String comuneId, String istatCode, String source) {
}
