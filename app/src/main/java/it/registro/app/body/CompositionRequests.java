package it.registro.app.body;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;

/**
 * Request bodies for a body's composition, offices, delegations and rules. Dates are business dates;
 * date-times are local times in Italy as the documents give them (e.g. "2024-10-18T14:10").
 */
public final class CompositionRequests {

    private CompositionRequests() {
    }

    /** An act as a document cites it; the citation verbatim, or at least type and number. */
    public record ActRequest(
            @Size(max = 200) String issuer,
            @Size(max = 100) String type,
            @Size(max = 50) String number,
            LocalDate date,
            @Size(max = 1000) String citation) {

        public ActRef toRef() {
            return new ActRef(issuer, type, number, date, citation);
        }

        static ActRef toRef(ActRequest request) {
            return request == null ? null : request.toRef();
        }
    }

    public record SeatEntryRequest(
            @NotNull SeatRole role,
            @NotBlank @Size(max = 200) String constituency,
            @Size(max = 1000) String labelAsRecorded,
            @NotBlank @Size(max = 100) String personId,
            @Size(max = 200) String nameAsRecorded,
            @Size(max = 100) String comuneId) {
    }

    public record CompositionRequest(
            @NotNull @Valid ActRequest act,
            @NotNull LocalDate effectiveFrom,
            /** Whether the act renews the body, making its offices lapse; false if absent. */
            Boolean renewal,
            @NotNull @Size(max = 500) List<@NotNull @Valid SeatEntryRequest> seats) {
    }

    /** A term's correction: the term is the seat's one beginning on {@code from}; {@code changes} field → right value. */
    public record TermCorrectionRequest(
            @NotBlank @Size(max = 300) String seatId,
            @NotNull LocalDate from,
            @NotNull @Size(min = 1, max = 5) java.util.Map<@NotBlank @Size(max = 50) String, @Size(max = 200) String> changes,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record CompositionActCorrectionRequest(
            @NotNull @Valid ActRequest act,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record SeatLabelCorrectionRequest(
            @Size(max = 1000) String labelAsRecorded,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record DefineSeatRequest(
            @NotNull SeatRole role,
            @NotBlank @Size(max = 200) String constituency,
            @Size(max = 1000) String labelAsRecorded,
            @Valid ActRequest act,
            /** Held by virtue of an office in another body: its holder follows that body's officers. */
            @Valid ByOfficeRequest byOffice) {
    }

    public record ByOfficeRequest(@NotBlank @Size(max = 100) String bodyId, @NotNull it.registro.domain.body.api.Office office) {
    }

    public record SeatHolderRequest(
            @NotBlank @Size(max = 100) String personId,
            @Size(max = 200) String nameAsRecorded,
            @Size(max = 100) String comuneId,
            @NotNull LocalDate from,
            LocalDate to,
            @Valid ActRequest act) {
    }

    public record VacateSeatRequest(
            @NotNull LocalDate lastDay,
            @NotBlank @Size(max = 1000) String reason,
            @Valid ActRequest act) {
    }

    public record TallyRequest(@Min(0) @Max(100000) Integer inFavour, @Min(0) @Max(100000) Integer against,
                               @Min(0) @Max(100000) Integer abstained) {
        Tally toTally() {
            return new Tally(inFavour, against, abstained);
        }
    }

    public record ElectOfficerRequest(
            @NotNull Office office,
            @NotBlank @Size(max = 100) String personId,
            @Size(max = 200) String nameAsRecorded,
            @NotNull LocalDateTime at,
            @Size(max = 100) String sessionRef,
            @Valid TallyRequest tally) {
    }

    public record VacateOfficeRequest(@NotNull LocalDateTime at, @NotBlank @Size(max = 1000) String reason) {
    }

    public record InterimPresidingOfficerRequest(
            @NotBlank @Size(max = 100) String personId,
            @NotBlank @Size(max = 200) String capacity,
            @NotNull LocalDateTime from,
            @Size(max = 1000) String basisAsRecorded) {
    }

    public record DelegationRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9-]+") String delegationId,
            @NotBlank @Size(max = 200) String seatId,
            @NotBlank @Size(max = 100) String delegatePersonId,
            @Size(max = 200) String nameAsRecorded,
            @NotNull LocalDateTime from,
            @NotNull LocalDateTime to,
            @Size(max = 100) String sessionRef,
            @NotBlank @Size(max = 1000) String letterRef) {
    }

    public record RevokeDelegationRequest(@NotNull LocalDateTime at, @NotBlank @Size(max = 1000) String reason) {
    }

    public record RuleSetRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate effectiveFrom,
            @NotNull @Valid QuorumRule quorum,
            @NotNull @Valid MajorityRule majority,
            @NotNull Weighting weighting,
            @NotNull Boolean delegationAllowed,
            @Valid ActRequest act) {
    }
}
