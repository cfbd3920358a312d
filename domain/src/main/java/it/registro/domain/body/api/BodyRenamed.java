package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BodyRenamed(
        String bodyId,
        String previousName,
        String newName,
        String reason,
        LocalDate effectiveFrom) {
}
