package it.registro.domain.session.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MinutesApproved(String sessionId, LocalDate on, String approvingSessionId, String approvingFactId) {
}
