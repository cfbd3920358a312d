package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RecordCorrected(
        String sessionId,
        String factId,
        String field,
        String previousValue,
        String newValue,
        String reason) {
}
