package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActRegistered(
        String actId,
        String issuerBodyId,
        ActType type,
        String number,
        Integer year,
        LocalDate date,
        String title,
        String citationAsRecorded,
        boolean subjectToControl,
        String source) {
}
