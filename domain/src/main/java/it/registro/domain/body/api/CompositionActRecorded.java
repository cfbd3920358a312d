package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CompositionActRecorded(String bodyId, ActRef act, LocalDate effectiveFrom, boolean renewal) {
}
