package it.registro.domain.session.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishMinutes(
        @TargetAggregateIdentifier String sessionId,
        LocalDate on,
        String url,
        Boolean extractOnly,
        it.registro.domain.document.api.StoredDocument pdf) {

    public PublishMinutes(String sessionId, LocalDate on, String url, Boolean extractOnly) {
        this(sessionId, on, url, extractOnly, null);
    }
}
