package it.registro.domain.session.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DesignationRatified(
        String sessionId,
        String designationId,
        ActRef act,
        LocalDate ratifiedOn,
        LocalDate termFrom,
        LocalDate termTo) {
}
