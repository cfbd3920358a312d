package it.registro.domain.body.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The election that made an officer, as corrected in its session's record (sent by the service itself). */
public record CorrectOfficerElection(
        @TargetAggregateIdentifier String bodyId,
        Office office,
        String personId,
        String sessionRef,
        Tally tally,
        String nameAsRecorded,
        String reason) {
}
