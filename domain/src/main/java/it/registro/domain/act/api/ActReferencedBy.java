package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActReferencedBy(
        String actId,
        ReferenceKind kind,
        String sourceActId,
        LocalDate sourceDate,
        LocalDate effectiveFrom) {
}
