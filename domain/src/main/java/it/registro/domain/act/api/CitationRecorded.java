package it.registro.domain.act.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/** {@code outcome}: RESOLVED (to actId), AMBIGUOUS (between candidates) or UNRESOLVED (no act registered). */
@Revision("1")
public record CitationRecorded(String citationId, String text, String source, ParsedCitation parsed, String outcome,
                               String actId, List<String> candidates, List<CitationFlag> flags) {
}
