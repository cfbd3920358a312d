package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActDeclaredExecutable(
        String actId,
        LocalDate on,
        boolean immediate,
        String legalBasisAsRecorded,
        String source) {
}
