package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActOpinionRecorded(
        String actId,
        String givenBy,
        String role,
        String outcome,
        LocalDate on,
        String source) {
}
