package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import it.registro.domain.common.ActRef;

@Revision("1")
public record CompositionActCorrected(String bodyId, LocalDate effectiveFrom, ActRef previous, ActRef act, String reason) {
}
