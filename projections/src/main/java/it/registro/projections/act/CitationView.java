package it.registro.projections.act;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.act.api.ParsedCitation;

/** A citation as found, what it was read as, what it resolves to, and its flags (open or closed). */
@Document(CitationView.COLLECTION)
public record CitationView(@Id String id, String text, String source, ParsedCitation parsed, String outcome, String actId,
                           List<String> candidates, List<Flag> flags, String resolutionReason, long version,
                           Instant recordedAt) {

    public static final String COLLECTION = "citations";

    public record Flag(String code, String severity, String message, boolean open) {
    }
}
