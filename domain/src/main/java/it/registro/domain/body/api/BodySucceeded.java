package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BodySucceeded(String bodyId, String successorBodyId, LocalDate from, String basis, String source) {
}
