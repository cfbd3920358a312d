package it.registro.projections.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.common.ActRef;

/** A person with, across all bodies, the seats, offices and delegations they held and when. */
public record PersonHistory(PersonView person, List<Membership> memberships, List<OfficeHeld> offices,
                            List<DelegationHeld> delegations) {

    public record Membership(String bodyId, String bodyName, String seatId, SeatRole role, String constituency,
                             String nameAsRecorded, LocalDate from, LocalDate to, ActRef act, String endReason) {
    }

    public record OfficeHeld(String bodyId, String bodyName, Office office, String nameAsRecorded, Instant from,
                             Instant to, String sessionRef, String endReason) {
    }

    public record DelegationHeld(String bodyId, String bodyName, String seatId, String delegationId,
                                 String delegatorPersonId, Instant from, Instant to, String letterRef) {
    }
}
