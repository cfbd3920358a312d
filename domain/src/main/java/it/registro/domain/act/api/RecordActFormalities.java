package it.registro.domain.act.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The act's formalities as it records them: its signatories, the responsabile del procedimento, the attestations of
 * regularity, and whether it says it is digitally signed. Each call adds what it lists; a responsabile replaces one
 * recorded before.
 */
public record RecordActFormalities(
        @TargetAggregateIdentifier String actId,
        List<ActSignatory> signatories,
        String responsibleOfficerAsRecorded,
        List<ActAttestation> attestations,
        Boolean digitallySigned,
        String source) {
}
