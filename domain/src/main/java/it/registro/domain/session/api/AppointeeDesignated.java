package it.registro.domain.session.api;

import it.registro.domain.body.api.Tally;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AppointeeDesignated(
        String sessionId,
        String designationId,
        int itemNo,
        String office,
        String candidatureId,
        String nameAsRecorded,
        Instant at,
        DesignationBasis basis,
        String basisAsRecorded,
        Tally tally,
        String rationaleAsRecorded,
        String ratifyingIssuer,
        String ratifyingAuthorityAsRecorded,
        Integer termYears,
        String conditionsAsRecorded) {
}
