package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ParticipantRegistered(
        String sessionId,
        String personId,
        String nameAsRecorded,
        ParticipantRole role,
        String roleAsRecorded) {
}
