package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActReferenceRecorded(
        String actId,
        ReferenceKind kind,
        String targetActId,
        LocalDate sourceDate,
        LocalDate effectiveFrom,
        String noteAsRecorded,
        String source) {
}
