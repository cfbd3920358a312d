package it.registro.domain.body.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BodyRegistered(
        String bodyId,
        BodyKind kind,
        Agency agency,
        String name,
        String legalBasis) {
}
