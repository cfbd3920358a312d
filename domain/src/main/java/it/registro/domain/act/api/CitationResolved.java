package it.registro.domain.act.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CitationResolved(String citationId, String actId, String reason) {
}
