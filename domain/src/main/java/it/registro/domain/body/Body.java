package it.registro.domain.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.body.api.AdoptRuleSet;
import it.registro.domain.body.api.CompositionActCorrected;
import it.registro.domain.body.api.CorrectCompositionAct;
import it.registro.domain.body.api.CorrectSeatLabel;
import it.registro.domain.body.api.CorrectTerm;
import it.registro.domain.body.api.SeatLabelCorrected;
import it.registro.domain.body.api.TermCorrected;
import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.BodyAliasRecorded;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.RecordBodyAlias;
import it.registro.domain.body.api.RecordBodySuccessor;
import it.registro.domain.body.api.BodySucceeded;
import it.registro.domain.body.api.BodyRenamed;
import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.body.api.DefineSeat;
import it.registro.domain.body.api.DelegateSeat;
import it.registro.domain.body.api.DelegationRevoked;
import it.registro.domain.body.api.DesignateInterimPresidingOfficer;
import it.registro.domain.body.api.ElectOfficer;
import it.registro.domain.body.api.InterimPresidingOfficerDesignated;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.MemberUnseated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficeVacated;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.RecordComposition;
import it.registro.domain.body.api.RegisterBody;
import it.registro.domain.body.api.RenameBody;
import it.registro.domain.body.api.RevokeDelegation;
import it.registro.domain.body.api.RuleSetAdopted;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatDelegated;
import it.registro.domain.body.api.SeatEntry;
import it.registro.domain.body.api.SeatMember;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.body.api.UnseatMember;
import it.registro.domain.body.api.VacateOffice;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.body.policy.MembershipPolicies;
import it.registro.domain.body.policy.RuleSetPolicies;
import it.registro.domain.body.policy.Seats;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Interval;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.References;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;

import static it.registro.domain.body.policy.BodyPolicies.MAX_LEGAL_BASIS_LENGTH;
import static it.registro.domain.body.policy.BodyPolicies.MAX_NAME_LENGTH;
import static it.registro.domain.body.policy.BodyPolicies.MAX_REASON_LENGTH;
import static it.registro.domain.body.policy.BodyPolicies.effectiveDateInOrder;
import static it.registro.domain.body.policy.BodyPolicies.kindBelongsToAgency;
import static it.registro.domain.body.policy.BodyPolicies.nameChanges;
import static it.registro.domain.body.policy.BodyPolicies.wellFormedId;
import static it.registro.domain.body.policy.MembershipPolicies.inOrder;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * A governance body: a mayors' body, or an organ that issues or reviews acts. It decides who may
 * hold its seats and offices and under which rules it sits, over time: every fact has a business
 * date of its own, so the body can be seen as it was on any day. State changes only in the event
 * sourcing handlers.
 */
public class Body {

    private String successorBodyId;

    @AggregateIdentifier
    private String bodyId;
    private String name;
    private LocalDate nameEffectiveFrom;

    private final Set<String> aliases = new HashSet<>();
    private it.registro.domain.body.api.BodyKind kind;
    /** The day the territory last changed from, if it was ever defined. */
    private LocalDate territoryFrom;
    /** Seats and terms, offices, delegations and rule sets: the dated facts the body decides on. */
    private final BodyHistory history = new BodyHistory();

    protected Body() {
        // for Axon: rebuilt from events
    }

    // ---------------------------------------------------------------- registry

    @CommandHandler
    public Body(RegisterBody command) {
        Agency agency = command.agency();
        Verdict.firstRejection(
                wellFormedId(command.bodyId()),
                kindBelongsToAgency(command.kind(), agency),
                requiredText(agency == null ? null : agency.name(), "agency.name", MAX_NAME_LENGTH),
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                optionalText(command.legalBasis(), "legalBasis", MAX_LEGAL_BASIS_LENGTH)
        ).orThrow();
        AggregateLifecycle.apply(new BodyRegistered(
                command.bodyId(),
                command.kind(),
                new Agency(agency.kind(), Text.collapse(agency.name())),
                Text.collapse(command.name()),
                Text.isBlank(command.legalBasis()) ? null : Text.collapse(command.legalBasis())));
    }

    /** Returns the body's version after the rename. */
    @CommandHandler
    public long handle(RenameBody command) {
        Verdict.firstRejection(
                requiredText(command.newName(), "name", MAX_NAME_LENGTH),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH),
                effectiveDateInOrder(command.effectiveFrom(), nameEffectiveFrom)
        ).orThrow();
        nameChanges(name, command.newName()).orThrow();
        AggregateLifecycle.apply(new BodyRenamed(
                bodyId, name, Text.collapse(command.newName()), Text.collapse(command.reason()),
                command.effectiveFrom()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(it.registro.domain.body.api.DefineBodyTerritory command) {
        Verdict.firstRejection(
                required(command.kind(), "kind"),
                requiredText(command.territoryId(), "territoryId", MAX_NAME_LENGTH),
                required(command.from(), "from"),
                optionalText(command.source(), "source", MAX_REASON_LENGTH)
        ).orThrow();
        it.registro.domain.territory.api.TerritoryKind expected = switch (kind) {
            case CONFERENZA_DEI_SINDACI -> it.registro.domain.territory.api.TerritoryKind.AGENCY;
            case ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO -> it.registro.domain.territory.api.TerritoryKind.DISTRICT;
            default -> null;
        };
        if (kind.category() != it.registro.domain.body.api.BodyKind.Category.MAYORS_BODY
                || expected != null && expected != command.kind()) {
            throw rejected(Rejection.invalid("TERRITORY_KIND_MISMATCH", "kind", expected == null
                    ? "Only a mayors' body stands for a territory"
                    : kind == it.registro.domain.body.api.BodyKind.CONFERENZA_DEI_SINDACI
                    ? "A Conferenza dei Sindaci stands for the territory of its ASST (kind AGENCY)"
                    : "An Assemblea dei Sindaci di Distretto stands for its district (kind DISTRICT)"));
        }
        if (territoryFrom != null && !command.from().isAfter(territoryFrom)) {
            throw rejected(Rejection.conflict("TERRITORY_CHANGE_OUT_OF_ORDER", "from",
                    "The body's territory is already defined from " + territoryFrom + "; a change starts later"));
        }
        AggregateLifecycle.apply(new it.registro.domain.body.api.BodyTerritoryDefined(bodyId, command.kind(), command.territoryId().strip(),
                command.from(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordBodyAlias command) {
        Verdict.firstRejection(
                requiredText(command.alias(), "alias", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_REASON_LENGTH)
        ).orThrow();
        String alias = Text.collapse(command.alias());
        if (alias.equalsIgnoreCase(name) || aliases.contains(alias.toLowerCase(java.util.Locale.ROOT))) {
            throw rejected(Rejection.conflict("ALIAS_ALREADY_KNOWN", "alias", "'" + alias + "' is already a name of this body"));
        }
        AggregateLifecycle.apply(new BodyAliasRecorded(bodyId, alias, Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordBodySuccessor command, References references) {
        Verdict.firstRejection(
                requiredText(command.successorBodyId(), "successorBodyId", MAX_NAME_LENGTH),
                required(command.from(), "from"),
                requiredText(command.basis(), "basis", 20),
                optionalText(command.source(), "source", MAX_REASON_LENGTH)
        ).orThrow();
        String successor = command.successorBodyId().strip();
        if (successor.equals(bodyId)) {
            throw rejected(Rejection.invalid("SELF_REFERENCE", "successorBodyId", "A body cannot succeed itself"));
        }
        if (!references.bodyExists(successor)) {
            throw rejected(Rejection.invalid("UNKNOWN_BODY", "successorBodyId", "No body '" + successor + "' is registered"));
        }
        if (successorBodyId != null) {
            throw rejected(Rejection.conflict("SUCCESSOR_ALREADY_RECORDED", "successorBodyId",
                    "The body is already succeeded by '" + successorBodyId + "'"));
        }
        AggregateLifecycle.apply(new BodySucceeded(bodyId, successor, command.from(), command.basis().strip(),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(BodySucceeded event) {
        successorBodyId = event.successorBodyId();
    }

    // ---------------------------------------------------------------- composition

    /**
     * A composition act: the seats it lists are held from {@code effectiveFrom} by the persons it
     * names. A seat whose holder changes has the old term closed the day before; a seat it does not
     * list is vacated. Returns the body's version.
     */
    @CommandHandler
    public long handle(RecordComposition command, References references) {
        Verdict.firstRejection(
                required(command.act(), "act"),
                required(command.effectiveFrom(), "effectiveFrom"),
                required(command.seats(), "seats")
        ).orThrow();
        actIsCited(command.act()).orThrow();
        LocalDate latestCompositionFrom = terms().latestCompositionFrom();
        if (latestCompositionFrom != null && command.effectiveFrom().isBefore(latestCompositionFrom)) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "effectiveFrom",
                    "A composition is already recorded from " + latestCompositionFrom
                            + "; a new composition act must take effect on or after it"));
        }
        LocalDate from = command.effectiveFrom();
        Map<String, SeatEntry> bySeat = new LinkedHashMap<>();
        Set<String> persons = new HashSet<>();
        for (int i = 0; i < command.seats().size(); i++) {
            SeatEntry entry = command.seats().get(i);
            String field = "seats[" + i + "]";
            Verdict.firstRejection(
                    required(entry, field),
                    required(entry == null ? null : entry.role(), field + ".role"),
                    requiredText(entry == null ? null : entry.constituency(), field + ".constituency", MAX_NAME_LENGTH),
                    required(entry == null ? null : entry.personId(), field + ".personId"),
                    optionalText(entry == null ? null : entry.labelAsRecorded(), field + ".labelAsRecorded", MAX_REASON_LENGTH),
                    optionalText(entry == null ? null : entry.nameAsRecorded(), field + ".nameAsRecorded", MAX_NAME_LENGTH)
            ).orThrow();
            knownPerson(references, entry.personId(), field + ".personId").orThrow();
            knownComune(references, entry.comuneId(), field + ".comuneId").orThrow();
            String seatId = Seats.idOf(entry.role(), entry.constituency());
            if (bySeat.put(seatId, entry) != null) {
                throw rejected(Rejection.invalid("DUPLICATE_SEAT", field, "Seat " + seatId + " is listed twice"));
            }
            if (!persons.add(entry.personId())) {
                throw rejected(Rejection.conflict("PERSON_ALREADY_SEATED", field + ".personId",
                        "Person " + entry.personId() + " is listed for two seats"));
            }
        }
        // A holder kept on continues; holders replaced or dropped end the day before.
        for (Terms.Term term : terms().openOn(from)) {
            SeatEntry entry = bySeat.get(term.seatId());
            if (entry == null || !entry.personId().equals(term.personId())) {
                if (term.from().isAfter(from.minusDays(1))) {
                    throw rejected(Rejection.conflict("SEAT_HOLDER_OVERLAP", "effectiveFrom",
                            "Seat " + term.seatId() + " was taken on " + term.from()
                                    + "; a composition cannot replace its holder from " + from));
                }
            }
        }

        AggregateLifecycle.apply(new CompositionActRecorded(bodyId, command.act(), from, command.renewal()));
        for (Terms.Term term : terms().openOn(from)) {
            SeatEntry entry = bySeat.get(term.seatId());
            if (entry == null || !entry.personId().equals(term.personId())) {
                AggregateLifecycle.apply(new MemberUnseated(bodyId, term.seatId(), term.personId(), from.minusDays(1),
                        "Composition act " + describe(command.act()), command.act()));
            }
        }
        if (command.renewal()) {
            for (Offices.Tenure tenure : offices().currentAll()) {
                AggregateLifecycle.apply(new OfficeVacated(bodyId, tenure.office(), tenure.personId(),
                        BusinessTime.startOf(from), "COMPOSITION_RENEWED"));
            }
        }
        for (Map.Entry<String, SeatEntry> e : bySeat.entrySet()) {
            SeatEntry entry = e.getValue();
            if (!terms().seatDefined(e.getKey())) {
                AggregateLifecycle.apply(new SeatDefined(bodyId, e.getKey(), entry.role(),
                        Text.collapse(entry.constituency()), Text.collapse(entry.labelAsRecorded()), command.act()));
            }
            boolean continuing = terms().holderOn(e.getKey(), from).map(entry.personId()::equals).orElse(false);
            if (!continuing) {
                AggregateLifecycle.apply(new MemberSeated(bodyId, e.getKey(), entry.personId(),
                        Text.collapse(entry.nameAsRecorded()), entry.comuneId(), from, null, command.act()));
            }
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DefineSeat command) {
        Verdict.firstRejection(
                required(command.role(), "role"),
                requiredText(command.constituency(), "constituency", MAX_NAME_LENGTH),
                optionalText(command.labelAsRecorded(), "labelAsRecorded", MAX_REASON_LENGTH)
        ).orThrow();
        String seatId = Seats.idOf(command.role(), command.constituency());
        if (terms().seatDefined(seatId)) {
            throw rejected(Rejection.conflict("SEAT_ALREADY_DEFINED", "constituency", "Seat " + seatId + " exists"));
        }
        it.registro.domain.body.api.ByOffice byOffice = command.byOffice();
        if (byOffice != null) {
            Verdict.firstRejection(requiredText(byOffice.bodyId(), "byOffice.bodyId", MAX_NAME_LENGTH),
                    required(byOffice.office(), "byOffice.office")).orThrow();
            if (byOffice.bodyId().strip().equals(bodyId)) {
                throw rejected(Rejection.invalid("SELF_REFERENCE", "byOffice.bodyId", "A seat cannot be held by virtue of an office of its own body"));
            }
            byOffice = new it.registro.domain.body.api.ByOffice(byOffice.bodyId().strip(), byOffice.office());
        }
        AggregateLifecycle.apply(new SeatDefined(bodyId, seatId, command.role(), Text.collapse(command.constituency()),
                Text.collapse(command.labelAsRecorded()), command.act(), byOffice));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(SeatMember command, References references) {
        Verdict.firstRejection(
                required(command.seatId(), "seatId"),
                required(command.personId(), "personId"),
                required(command.from(), "from"),
                inOrder(command.from(), command.to(), "to"),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH)
        ).orThrow();
        knownSeat(command.seatId()).orThrow();
        knownPerson(references, command.personId(), "personId").orThrow();
        knownComune(references, command.comuneId(), "comuneId").orThrow();
        Interval wanted = new Interval(command.from(), command.to());
        MembershipPolicies.seatFree(command.seatId(), wanted, terms().intervalsOfSeat(command.seatId())).orThrow();
        MembershipPolicies.personNotSeatedElsewhere(command.personId(), wanted, terms().intervalsOfPerson(command.personId())).orThrow();
        if (delegations().delegatesDuring(command.personId(), BusinessTime.startOf(command.from()),
                command.to() == null ? Instant.MAX : BusinessTime.startOf(command.to().plusDays(1)))) {
            throw rejected(Rejection.conflict("DELEGATE_HOLDS_SEAT", "personId",
                    "Person " + command.personId() + " is a delegate for another seat in that period"));
        }
        AggregateLifecycle.apply(new MemberSeated(bodyId, command.seatId(), command.personId(),
                Text.collapse(command.nameAsRecorded()), command.comuneId(), command.from(), command.to(), command.act()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(UnseatMember command) {
        Verdict.firstRejection(
                required(command.seatId(), "seatId"),
                required(command.lastDay(), "lastDay"),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH)
        ).orThrow();
        knownSeat(command.seatId()).orThrow();
        Terms.Term open = terms().openTermOf(command.seatId())
                .orElseThrow(() -> rejected(Rejection.invalid("SEAT_VACANT", "seatId",
                        "Seat " + command.seatId() + " has no open term to end")));
        inOrder(open.from(), command.lastDay(), "lastDay").orThrow();
        AggregateLifecycle.apply(new MemberUnseated(bodyId, command.seatId(), open.personId(), command.lastDay(),
                Text.collapse(command.reason()), command.act()));
        return AggregateLifecycle.getVersion();
    }

    // ---------------------------------------------------------------- corrections

    /**
     * A term as recorded corrected with a reason: the holder, the days, the comune. The corrected term is
     * judged like a new one (one holder per seat and one seat per person on any day), and the seat's
     * delegations must still be the holder's and fall within the term. Returns the body's version.
     */
    @CommandHandler
    public long handle(CorrectTerm command, References references) {
        Verdict.firstRejection(
                required(command.seatId(), "seatId"),
                required(command.from(), "from"),
                required(command.changes(), "changes"),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH)
        ).orThrow();
        knownSeat(command.seatId()).orThrow();
        Terms.Term term = terms().termFrom(command.seatId(), command.from()).orElseThrow(() -> rejected(Rejection.notFound(
                "TERM_NOT_FOUND", "from", "Seat " + command.seatId() + " has no term beginning on " + command.from())));
        Map<String, String> changes = TermCorrections.normalise(term, command.changes());
        if (changes.isEmpty()) {
            throw rejected(Rejection.invalid("NOTHING_TO_CORRECT", "changes", "The values given are the ones recorded"));
        }
        List<it.registro.domain.common.FieldChange> fieldChanges = new ArrayList<>();
        changes.forEach((field, value) -> fieldChanges.add(new it.registro.domain.common.FieldChange(field,
                TermCorrections.current(term, field), value)));
        Terms.Term corrected = TermCorrections.apply(term, fieldChanges);
        if (changes.containsKey("personId")) {
            knownPerson(references, corrected.personId(), "changes.personId").orThrow();
        }
        if (changes.containsKey("comuneId")) {
            knownComune(references, corrected.comuneId(), "changes.comuneId").orThrow();
        }
        inOrder(corrected.from(), corrected.to(), "changes.to").orThrow();
        Interval wanted = corrected.interval();
        List<Interval> others = terms().intervalsOfSeat(command.seatId()).stream().filter(i -> !i.equals(term.interval())).toList();
        MembershipPolicies.seatFree(command.seatId(), wanted, others).orThrow();
        List<Interval> elsewhere = new ArrayList<>(terms().intervalsOfPerson(corrected.personId()));
        if (corrected.personId().equals(term.personId())) {
            elsewhere.remove(term.interval());
        }
        MembershipPolicies.personNotSeatedElsewhere(corrected.personId(), wanted, elsewhere).orThrow();
        for (Delegations.Delegation d : delegations().ofHolderWithin(command.seatId(), term.personId(), term.from(), term.to())) {
            LocalDate first = BusinessTime.dateOf(d.from());
            LocalDate last = BusinessTime.dateOf(d.to().minusNanos(1));
            if (!corrected.personId().equals(d.delegatorPersonId()) || !wanted.contains(first) || !wanted.contains(last)) {
                throw rejected(Rejection.invalid("CORRECTION_CONTRADICTS_DELEGATION", "changes",
                        "Delegation " + d.delegationId() + " of this seat (" + d.from() + " to " + d.to() + ") was given by "
                                + d.delegatorPersonId() + " within the term as recorded; the corrected term would not hold it"));
            }
        }
        AggregateLifecycle.apply(new TermCorrected(bodyId, command.seatId(), term.personId(), term.from(), fieldChanges,
                Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CorrectCompositionAct command) {
        Verdict.firstRejection(
                required(command.effectiveFrom(), "effectiveFrom"),
                required(command.act(), "act"),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH)
        ).orThrow();
        actIsCited(command.act()).orThrow();
        Terms.CompositionAct recorded = terms().actFrom(command.effectiveFrom()).orElseThrow(() -> rejected(Rejection.notFound(
                "COMPOSITION_NOT_FOUND", "effectiveFrom", "No composition act takes effect on " + command.effectiveFrom())));
        if (Objects.equals(recorded.act(), command.act())) {
            throw rejected(Rejection.invalid("NOTHING_TO_CORRECT", "act", "The act given is the one recorded"));
        }
        AggregateLifecycle.apply(new CompositionActCorrected(bodyId, command.effectiveFrom(), recorded.act(), command.act(),
                Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CorrectSeatLabel command) {
        Verdict.firstRejection(
                required(command.seatId(), "seatId"),
                optionalText(command.labelAsRecorded(), "labelAsRecorded", MAX_REASON_LENGTH),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH)
        ).orThrow();
        knownSeat(command.seatId()).orThrow();
        String label = Text.collapse(command.labelAsRecorded());
        if (Objects.equals(label, terms().labelOf(command.seatId()))) {
            throw rejected(Rejection.invalid("NOTHING_TO_CORRECT", "labelAsRecorded", "The label given is the one recorded"));
        }
        AggregateLifecycle.apply(new SeatLabelCorrected(bodyId, command.seatId(), terms().labelOf(command.seatId()), label,
                Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    // ---------------------------------------------------------------- offices

    @CommandHandler
    public long handle(ElectOfficer command) {
        Verdict.firstRejection(
                required(command.office(), "office"),
                required(command.personId(), "personId"),
                required(command.at(), "at"),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH)
        ).orThrow();
        LocalDate day = BusinessTime.dateOf(command.at());
        if (terms().seatOf(command.personId(), day).isEmpty()) {
            throw rejected(Rejection.invalid("CANDIDATE_NOT_MEMBER", "personId",
                    "Person " + command.personId() + " holds no seat of this body on " + day));
        }
        if (command.tally() != null && (negative(command.tally().inFavour()) || negative(command.tally().against())
                || negative(command.tally().abstained()))) {
            throw rejected(Rejection.invalid("NEGATIVE_COUNT", "tally", "Vote counts cannot be negative"));
        }
        Offices.Tenure current = offices().current(command.office()).orElse(null);
        if (current != null) {
            if (current.personId().equals(command.personId())) {
                throw rejected(Rejection.conflict("OFFICE_ALREADY_HELD", "personId",
                        "Person " + command.personId() + " already holds " + command.office()));
            }
            if (command.at().isBefore(current.from())) {
                throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "at",
                        command.office() + " is held since " + current.from() + "; a successor cannot start before"));
            }
            AggregateLifecycle.apply(new OfficeVacated(bodyId, command.office(), current.personId(), command.at(),
                    "SUCCEEDED"));
        }
        AggregateLifecycle.apply(new OfficerElected(bodyId, command.office(), command.personId(),
                Text.collapse(command.nameAsRecorded()), command.at(), command.sessionRef(), command.tally()));
        return AggregateLifecycle.getVersion();
    }

    /** Keeps an officer's election in step with its session's corrected record. */
    @CommandHandler
    public long handle(it.registro.domain.body.api.CorrectOfficerElection command) {
        Verdict.firstRejection(
                required(command.office(), "office"),
                required(command.personId(), "personId"),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH)
        ).orThrow();
        if (!offices().elected(command.office(), command.personId(), command.sessionRef())) {
            throw rejected(Rejection.notFound("ELECTION_NOT_FOUND", "personId", "No election of " + command.personId() + " as "
                    + command.office() + " in session " + command.sessionRef()));
        }
        AggregateLifecycle.apply(new it.registro.domain.body.api.OfficerElectionCorrected(bodyId, command.office(), command.personId(),
                command.sessionRef(), command.tally(), Text.collapse(command.nameAsRecorded()), Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(VacateOffice command) {
        Verdict.firstRejection(
                required(command.office(), "office"),
                required(command.at(), "at"),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH)
        ).orThrow();
        Offices.Tenure current = offices().current(command.office()).orElse(null);
        if (current == null) {
            throw rejected(Rejection.invalid("OFFICE_VACANT", "office", command.office() + " is already vacant"));
        }
        if (command.at().isBefore(current.from())) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "at",
                    command.office() + " is held since " + current.from()));
        }
        AggregateLifecycle.apply(new OfficeVacated(bodyId, command.office(), current.personId(), command.at(),
                Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DesignateInterimPresidingOfficer command, References references) {
        Verdict.firstRejection(
                required(command.personId(), "personId"),
                requiredText(command.capacity(), "capacity", MAX_NAME_LENGTH),
                required(command.from(), "from"),
                optionalText(command.basisAsRecorded(), "basisAsRecorded", MAX_REASON_LENGTH)
        ).orThrow();
        knownPerson(references, command.personId(), "personId").orThrow();
        if (offices().current(Office.PRESIDENT).isPresent()) {
            throw rejected(Rejection.conflict("PRESIDENT_IN_OFFICE", "from",
                    "The body has a President; an interim presiding officer is only for a vacancy"));
        }
        if (offices().interimFrom() != null && command.from().isBefore(offices().interimFrom())) {
            throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "from",
                    "An interim presiding officer is already recorded from " + offices().interimFrom()));
        }
        AggregateLifecycle.apply(new InterimPresidingOfficerDesignated(bodyId, command.personId(),
                Text.collapse(command.capacity()), command.from(), Text.collapse(command.basisAsRecorded())));
        return AggregateLifecycle.getVersion();
    }

    // ---------------------------------------------------------------- delegations

    @CommandHandler
    public long handle(DelegateSeat command, References references) {
        Verdict.firstRejection(
                required(command.delegationId(), "delegationId"),
                required(command.seatId(), "seatId"),
                required(command.delegatePersonId(), "delegatePersonId"),
                required(command.from(), "from"),
                required(command.to(), "to"),
                inOrder(command.from(), command.to(), "to"),
                requiredText(command.letterRef(), "letterRef", MAX_REASON_LENGTH),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH)
        ).orThrow();
        knownSeat(command.seatId()).orThrow();
        knownPerson(references, command.delegatePersonId(), "delegatePersonId").orThrow();
        if (delegations().exists(command.delegationId())) {
            throw rejected(Rejection.conflict("DUPLICATE_DELEGATION", "delegationId",
                    "Delegation " + command.delegationId() + " exists"));
        }
        ruleSets().inForceOn(BusinessTime.dateOf(command.from())).filter(r -> !r.delegationAllowed()).ifPresent(r -> {
            throw rejected(Rejection.invalid("DELEGATION_NOT_ALLOWED", "seatId",
                    "Rule set '" + r.name() + "' in force from " + r.effectiveFrom() + " allows no delegation"));
        });
        LocalDate firstDay = BusinessTime.dateOf(command.from());
        LocalDate lastDay = BusinessTime.dateOf(command.to().minusNanos(1));
        // The seat must be held by one and the same member throughout: the delegation is theirs.
        String delegator = terms().holderOn(command.seatId(), firstDay).orElseThrow(() -> rejected(Rejection.invalid(
                "SEAT_VACANT", "seatId", "Seat " + command.seatId() + " has no holder on " + firstDay)));
        if (!terms().holderOn(command.seatId(), lastDay).map(delegator::equals).orElse(false)) {
            throw rejected(Rejection.invalid("DELEGATION_OUTLASTS_TERM", "to",
                    "The delegation outlasts the term of the seat's holder"));
        }
        if (delegator.equals(command.delegatePersonId())) {
            throw rejected(Rejection.invalid("SELF_DELEGATION", "delegatePersonId", "A member cannot delegate to themself"));
        }
        Interval span = new Interval(firstDay, lastDay);
        if (terms().holdsAnySeatDuring(command.delegatePersonId(), span)) {
            throw rejected(Rejection.conflict("DELEGATE_HOLDS_SEAT", "delegatePersonId",
                    "Person " + command.delegatePersonId() + " holds a seat of this body in that period"));
        }
        if (delegations().delegatesDuring(command.delegatePersonId(), command.from(), command.to())) {
            throw rejected(Rejection.conflict("DELEGATE_HOLDS_SEAT", "delegatePersonId",
                    "Person " + command.delegatePersonId() + " is already the delegate for a seat in that period"));
        }
        delegations().overlappingOnSeat(command.seatId(), command.from(), command.to()).ifPresent(d -> {
            throw rejected(Rejection.conflict("DELEGATION_OVERLAP", "from",
                    "Seat " + command.seatId() + " is already delegated from " + d.from() + " to " + d.to()));
        });
        AggregateLifecycle.apply(new SeatDelegated(bodyId, command.delegationId(), command.seatId(), delegator,
                command.delegatePersonId(), Text.collapse(command.nameAsRecorded()), command.from(), command.to(),
                command.sessionRef(), Text.collapse(command.letterRef())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RevokeDelegation command) {
        Verdict.firstRejection(
                required(command.delegationId(), "delegationId"),
                required(command.at(), "at"),
                requiredText(command.reason(), "reason", MAX_REASON_LENGTH)
        ).orThrow();
        Delegations.Delegation d = delegations().get(command.delegationId()).orElse(null);
        if (d == null) {
            throw rejected(Rejection.notFound("DELEGATION_NOT_FOUND", "delegationId",
                    "No delegation " + command.delegationId()));
        }
        if (!command.at().isAfter(d.from()) || !command.at().isBefore(d.to())) {
            throw rejected(Rejection.invalid("DELEGATION_NOT_ACTIVE", "at",
                    "The delegation runs from " + d.from() + " to " + d.to() + "; it cannot be revoked at " + command.at()));
        }
        AggregateLifecycle.apply(new DelegationRevoked(bodyId, command.delegationId(), command.at(),
                Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    // ---------------------------------------------------------------- rules

    @CommandHandler
    public long handle(AdoptRuleSet command) {
        Verdict.firstRejection(
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                RuleSetPolicies.afterLatest(command.effectiveFrom(), ruleSets().latestFrom()),
                RuleSetPolicies.possibleQuorum(command.quorum(), terms().seatCount()),
                RuleSetPolicies.possibleMajority(command.majority()),
                required(command.weighting(), "weighting")
        ).orThrow();
        AggregateLifecycle.apply(new RuleSetAdopted(bodyId, ruleSets().count() + 1, Text.collapse(command.name()),
                command.effectiveFrom(), command.quorum(), command.majority(),
                command.weighting() == null ? Weighting.HEADCOUNT : command.weighting(),
                command.delegationAllowed(), command.act()));
        return AggregateLifecycle.getVersion();
    }

    // ---------------------------------------------------------------- helpers (read state only)

    private Terms terms() {
        return history.terms();
    }

    private Offices offices() {
        return history.offices();
    }

    private Delegations delegations() {
        return history.delegations();
    }

    private RuleSets ruleSets() {
        return history.ruleSets();
    }

    private static CommandRejectedException rejected(Rejection rejection) {
        return new CommandRejectedException(rejection);
    }

    private static boolean negative(Integer n) {
        return n != null && n < 0;
    }

    private static Verdict actIsCited(ActRef act) {
        if (Text.isBlank(act.citation()) && (Text.isBlank(act.type()) || Text.isBlank(act.number()))) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "act.citation",
                    "An act needs its citation, or at least its type and number"));
        }
        return Verdict.allowed();
    }

    private static String describe(ActRef act) {
        return act.citation() != null ? act.citation()
                : act.type() + " " + act.number() + (act.date() == null ? "" : " del " + act.date());
    }

    private Verdict knownSeat(String seatId) {
        return terms().seatDefined(seatId) ? Verdict.allowed()
                : Verdict.rejected(Rejection.notFound("UNKNOWN_SEAT", "seatId", "Seat " + seatId + " is not defined"));
    }

    private static Verdict knownPerson(References references, String personId, String field) {
        return references.personExists(personId) ? Verdict.allowed()
                : Verdict.rejected(Rejection.invalid("UNKNOWN_PERSON", field, "No person " + personId + " is registered"));
    }

    private static Verdict knownComune(References references, String comuneId, String field) {
        return comuneId == null || references.comuneExists(comuneId) ? Verdict.allowed()
                : Verdict.rejected(Rejection.invalid("UNKNOWN_COMUNE", field, "No comune " + comuneId + " is registered"));
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    void on(BodyRegistered event) {
        this.bodyId = event.bodyId();
        this.name = event.name();
        this.kind = event.kind();
    }

    @EventSourcingHandler
    void on(it.registro.domain.body.api.BodyTerritoryDefined event) {
        this.territoryFrom = event.from();
    }

    @EventSourcingHandler
    void on(BodyRenamed event) {
        this.name = event.newName();
        this.nameEffectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(BodyAliasRecorded event) {
        aliases.add(event.alias().toLowerCase(java.util.Locale.ROOT));
    }

    @EventSourcingHandler
    void on(CompositionActRecorded event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(CompositionActCorrected event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(SeatDefined event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(SeatLabelCorrected event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(MemberSeated event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(MemberUnseated event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(TermCorrected event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(OfficerElected event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(OfficeVacated event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(InterimPresidingOfficerDesignated event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(SeatDelegated event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(DelegationRevoked event) {
        history.apply(event);
    }

    @EventSourcingHandler
    void on(RuleSetAdopted event) {
        history.apply(event);
    }
}
