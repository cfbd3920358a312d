package it.registro.domain.office;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.office.api.AppointToOffice;
import it.registro.domain.office.api.DelegatePowers;
import it.registro.domain.office.api.EndMandate;
import it.registro.domain.office.api.MandateEnded;
import it.registro.domain.office.api.MandateStarted;
import it.registro.domain.office.api.OrganKindDefined;
import it.registro.domain.office.api.PowersDelegated;
import it.registro.domain.office.api.PowersRevoked;
import it.registro.domain.office.api.RevokePowers;
import it.registro.domain.office.api.TermRule;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * A mandate: a person in an office of an agency, or in a seat of an organ, from a day to the last day its kind's term
 * rule allows (or earlier, when it ends); and the powers its holder delegates, never beyond it.
 */
public class Mandate {

    @AggregateIdentifier
    private String mandateId;
    private LocalDate from;
    /** The last day: planned, or the day it ended; null while open-ended. */
    private LocalDate lastDay;
    private boolean ended;
    private final Map<String, LocalDate> delegations = new HashMap<>();

    protected Mandate() {
    }

    @CommandHandler
    public Mandate(AppointToOffice command, OrganKinds kinds) {
        Verdict.firstRejection(
                command.mandateId() != null && command.mandateId().matches("[a-z0-9]+(-[a-z0-9]+)*") && command.mandateId().length() <= 150
                        ? Verdict.allowed() : Verdict.rejected(Rejection.invalid("MANDATE_ID_MALFORMED", "id", "A mandate's id is a lower-case slug")),
                requiredText(command.agency(), "agency", MAX_NAME_LENGTH),
                requiredText(command.organKindId(), "organKindId", 100),
                command.personId() == null && Text.isBlank(command.nameAsRecorded())
                        ? Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "personId", "Name the holder: personId or nameAsRecorded"))
                        : Verdict.allowed(),
                optionalText(command.nameAsRecorded(), "nameAsRecorded", MAX_NAME_LENGTH),
                optionalText(command.designatedBy(), "designatedBy", MAX_NAME_LENGTH),
                required(command.from(), "from"),
                optionalText(command.byActRef(), "byActRef", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        OrganKindDefined kind = kinds.find(command.organKindId()).orElseThrow(() -> new CommandRejectedException(Rejection.invalid(
                "ORGAN_KIND_UNKNOWN", "organKindId", "No organ kind '" + command.organKindId() + "' is defined")));
        TermRule rule = kind.term();
        LocalDate until = command.until() != null ? command.until() : rule.defaultLastDay(command.from());
        if (until != null && until.isBefore(command.from())) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "until", "A mandate ends on or after the day it begins"));
        }
        if (!rule.allows(command.from(), until)) {
            throw new CommandRejectedException(Rejection.invalid("TERM_OUTSIDE_RULE", "until", "A mandate of " + kind.name() + " lasts "
                    + rule.describe() + (rule.basisAsRecorded() == null ? "" : " (\"" + rule.basisAsRecorded() + "\")")
                    + (until == null ? ": state its last day" : ": from " + command.from() + " it ends between "
                    + (rule.kind() == TermRule.Kind.RANGE ? TermRule.lastDay(command.from(), rule.minYears()) + " and "
                    + TermRule.lastDay(command.from(), rule.maxYears()) : String.valueOf(rule.defaultLastDay(command.from()))))));
        }
        String designatedBy = Text.collapse(command.designatedBy());
        if (designatedBy != null && !kind.designators().isEmpty() && !kind.designators().contains(designatedBy)) {
            throw new CommandRejectedException(Rejection.invalid("DESIGNATOR_NOT_PROVIDED", "designatedBy", kind.name()
                    + "'s members are designated by " + String.join(", ", kind.designators())));
        }
        AggregateLifecycle.apply(new MandateStarted(command.mandateId(), Text.collapse(command.agency()), command.organKindId(),
                Text.collapse(command.bodyId()), command.personId(), Text.collapse(command.nameAsRecorded()), designatedBy, command.from(), until,
                rule, Text.collapse(command.byActRef()), Text.collapse(command.source())));
    }

    @CommandHandler
    public long handle(EndMandate command) {
        Verdict.firstRejection(required(command.lastDay(), "lastDay"), requiredText(command.reason(), "reason", MAX_TEXT_LENGTH),
                optionalText(command.byActRef(), "byActRef", MAX_NAME_LENGTH)).orThrow();
        if (ended) {
            throw new CommandRejectedException(Rejection.conflict("MANDATE_ALREADY_ENDED", "lastDay", "The mandate ended on " + lastDay));
        }
        if (command.lastDay().isBefore(from) || lastDay != null && command.lastDay().isAfter(lastDay)) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "lastDay",
                    "A mandate ends between its first day " + from + " and its last " + (lastDay == null ? "(open)" : lastDay)));
        }
        AggregateLifecycle.apply(new MandateEnded(mandateId, command.lastDay(), Text.collapse(command.reason()), Text.collapse(command.byActRef())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DelegatePowers command) {
        Verdict.firstRejection(
                command.delegationId() != null && command.delegationId().matches("[a-z0-9]+(-[a-z0-9]+)*") ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("DELEGATION_ID_MALFORMED", "delegationId", "A delegation's id is a lower-case slug")),
                command.delegateOrganKindId() == null && command.delegatePersonId() == null
                        ? Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "delegatePersonId", "Name the delegate: an office or a person"))
                        : Verdict.allowed(),
                requiredText(command.scopeAsRecorded(), "scopeAsRecorded", MAX_TEXT_LENGTH),
                required(command.from(), "from"),
                optionalText(command.byActRef(), "byActRef", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (delegations.containsKey(command.delegationId())) {
            throw new CommandRejectedException(Rejection.conflict("DUPLICATE_DELEGATION", "delegationId", "Delegation " + command.delegationId() + " exists"));
        }
        if (command.from().isBefore(from) || lastDay != null && command.from().isAfter(lastDay)) {
            throw new CommandRejectedException(Rejection.invalid("DELEGATION_OUTSIDE_MANDATE", "from",
                    "Powers are delegated while the mandate runs: from " + from + (lastDay == null ? "" : " to " + lastDay)));
        }
        if (command.until() != null && lastDay != null && command.until().isAfter(lastDay)) {
            throw new CommandRejectedException(Rejection.invalid("DELEGATION_BEYOND_MANDATE", "until",
                    "A delegation lasts no longer than the delegating mandate (\"a valere non oltre la durata del suo proprio incarico\"): "
                            + "at most until " + lastDay));
        }
        if (command.until() != null && command.until().isBefore(command.from())) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "until", "A delegation ends on or after the day it begins"));
        }
        AggregateLifecycle.apply(new PowersDelegated(mandateId, command.delegationId(), command.delegateOrganKindId(), command.delegatePersonId(),
                Text.collapse(command.scopeAsRecorded()), command.from(), command.until() != null ? command.until() : lastDay,
                Text.collapse(command.byActRef()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RevokePowers command) {
        Verdict.firstRejection(required(command.lastDay(), "lastDay")).orThrow();
        if (!delegations.containsKey(command.delegationId())) {
            throw new CommandRejectedException(Rejection.notFound("DELEGATION_NOT_FOUND", "delegationId", "No delegation " + command.delegationId()));
        }
        AggregateLifecycle.apply(new PowersRevoked(mandateId, command.delegationId(), command.lastDay(), Text.collapse(command.byActRef())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(MandateStarted event) {
        mandateId = event.mandateId();
        from = event.from();
        lastDay = event.until();
    }

    @EventSourcingHandler
    void on(MandateEnded event) {
        ended = true;
        lastDay = event.lastDay();
    }

    @EventSourcingHandler
    void on(PowersDelegated event) {
        delegations.put(event.delegationId(), event.until());
    }
}
