package it.registro.projections.office;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.office.api.TermRule;

/** The read models of organ kinds and mandates. */
public final class OfficeViews {

    private OfficeViews() {
    }

    @Document("organ_kinds")
    public record OrganKindView(@Id String id, String name, String legalBasis, TermRule term, List<String> designators, String source) {
    }

    /** A delegation of powers: its last day is the stated one, or the delegating mandate's. */
    public record Delegation(String delegationId, String delegateOrganKindId, String delegatePersonId, String scopeAsRecorded, LocalDate from,
                             LocalDate until, LocalDate revokedLastDay, String byActRef, String source) {
    }

    @Document("mandates")
    public record MandateView(@Id String id, String agency, String organKindId, String bodyId, String personId, String nameAsRecorded,
                              String designatedBy, LocalDate from, LocalDate until, TermRule rule, LocalDate endedOn, String endReason,
                              String byActRef, String source, List<Delegation> delegations, long version) {

        /** The last day the mandate runs: the day it ended, or its planned last day (null: open). */
        public LocalDate lastDay() {
            return endedOn != null ? endedOn : until;
        }
    }
}
