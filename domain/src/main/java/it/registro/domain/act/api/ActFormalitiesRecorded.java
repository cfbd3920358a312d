package it.registro.domain.act.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The act's signatories, responsabile del procedimento and attestations, as recorded (see {@link RecordActFormalities}). */
@Revision("1")
public record ActFormalitiesRecorded(
        String actId,
        List<ActSignatory> signatories,
        String responsibleOfficerAsRecorded,
        List<ActAttestation> attestations,
        Boolean digitallySigned,
        String source) {
}
