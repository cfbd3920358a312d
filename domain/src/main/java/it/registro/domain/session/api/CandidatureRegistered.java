package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CandidatureRegistered(
        String sessionId,
        int itemNo,
        String candidatureId,
        String name,
        String detailsAsRecorded,
        String source) {
}
