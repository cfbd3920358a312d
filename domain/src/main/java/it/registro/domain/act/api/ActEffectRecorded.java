package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActEffectRecorded(
        String actId,
        LocalDate from,
        String scopeAsRecorded,
        String source) {
}
