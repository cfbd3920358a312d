package it.registro.domain.session.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InterventionRecorded(
        String sessionId,
        String factId,
        int itemNo,
        String personId,
        String speakerAsRecorded,
        Instant at,
        String summaryAsRecorded) {
}
