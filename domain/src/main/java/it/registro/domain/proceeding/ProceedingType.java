package it.registro.domain.proceeding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.proceeding.api.*;
import it.registro.domain.proceeding.policy.TermParser;
import it.registro.domain.proceeding.policy.TermRules;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * A proceeding type of an agency's catalogue (art. 35 d.lgs. 33/2013), versioned by date: each
 * version has its name, area, responsible units, term, silence-assent flag and substitute-power holder.
 * A unit is linked to the register where one matches and kept as the table words it in any case.
 */
public class ProceedingType {

    @AggregateIdentifier
    private String proceedingTypeId;
    private final TypeHistory history = new TypeHistory();

    protected ProceedingType() {
    }

    @CommandHandler
    public ProceedingType(DefineProceedingType c, ProceedingReferences refs) {
        Verdict.firstRejection(requiredText(c.proceedingTypeId(), "proceedingTypeId", MAX_NAME_LENGTH),
                required(c.agency(), "agency")).orThrow();
        Verdict.firstRejection(required(c.agency().kind(), "agency.kind"),
                requiredText(c.agency().name(), "agency.name", MAX_NAME_LENGTH)).orThrow();
        TypeVersion v = version(c.validFrom(), c.name(), c.area(), c.inquiryUnit(), c.finalActUnit(), c.termText(), c.term(),
                c.silenceAssent(), c.substitutePowerHolder(), c.source(), refs);
        String expected = ProceedingTypeIds.of(c.agency().name(), v.area(), v.name());
        if (!expected.equals(c.proceedingTypeId())) {
            throw new CommandRejectedException(Rejection.invalid("PROCEEDING_TYPE_ID_MISMATCH", "proceedingTypeId",
                    "A proceeding type's id comes from its agency, area and name: " + expected));
        }
        AggregateLifecycle.apply(new ProceedingTypeDefined(c.proceedingTypeId(),
                new it.registro.domain.body.api.Agency(c.agency().kind(), Text.collapse(c.agency().name())), v));
    }

    @CommandHandler
    public long handle(ReviseProceedingType c, ProceedingReferences refs) {
        TypeVersion v = version(c.validFrom(), c.name(), c.area(), c.inquiryUnit(), c.finalActUnit(), c.termText(), c.term(),
                c.silenceAssent(), c.substitutePowerHolder(), c.source(), refs);
        LocalDate last = history.latest().validFrom();
        if (!v.validFrom().isAfter(last)) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "validFrom",
                    "A new version starts after the current one, in force from " + last));
        }
        AggregateLifecycle.apply(new ProceedingTypeRevised(proceedingTypeId, v));
        return AggregateLifecycle.getVersion();
    }

    /**
     * The unit a POAS act closes is replaced by another (or by a wording with no unit yet); the
     * reassignment names the act, so the catalogue shows why its unit changed.
     */
    @CommandHandler
    public long handle(ReassignProceedingTypeUnit c, ActFacts acts, ProceedingReferences refs) {
        Verdict.firstRejection(requiredText(c.fromUnitId(), "fromUnitId", MAX_NAME_LENGTH), required(c.toUnit(), "toUnit"),
                requiredText(c.actId(), "actId", MAX_NAME_LENGTH), required(c.effectiveFrom(), "effectiveFrom"),
                optionalText(c.poasId(), "poasId", MAX_NAME_LENGTH)).orThrow();
        UnitRef to = unit(c.toUnit(), "toUnit", false, refs);
        TypeVersion current = history.versionOn(c.effectiveFrom()).orElse(history.latest());
        List<String> roles = roles(current, c.fromUnitId());
        if (roles.isEmpty()) {
            throw new CommandRejectedException(Rejection.invalid("UNIT_NOT_NAMED", "fromUnitId",
                    "The proceeding type does not name unit '" + c.fromUnitId() + "' on " + c.effectiveFrom()));
        }
        if (to.unitId() != null && to.unitId().equals(c.fromUnitId())) {
            throw new CommandRejectedException(Rejection.invalid("SAME_UNIT", "toUnit.unitId", "A unit cannot replace itself"));
        }
        if (c.effectiveFrom().isBefore(history.latest().validFrom())) {
            throw new CommandRejectedException(Rejection.invalid("DATES_OUT_OF_ORDER", "effectiveFrom",
                    "The reassignment cannot precede the current version, in force from " + history.latest().validFrom()));
        }
        acts.require(c.actId(), "actId");
        AggregateLifecycle.apply(new ProceedingTypeUnitReassigned(proceedingTypeId, c.fromUnitId(), to, roles, c.actId(),
                c.poasId(), c.effectiveFrom()));
        return AggregateLifecycle.getVersion();
    }

    static List<String> roles(TypeVersion v, String unitId) {
        List<String> roles = new ArrayList<>();
        if (v.inquiryUnit() != null && v.inquiryUnit().names(unitId)) {
            roles.add("INQUIRY");
        }
        if (v.finalActUnit() != null && v.finalActUnit().names(unitId)) {
            roles.add("FINAL_ACT");
        }
        return roles;
    }

    private static TypeVersion version(LocalDate validFrom, String name, String area, UnitRef inquiry, UnitRef finalAct,
                                       String termText, TermRule term, Boolean silenceAssent, String holder, String source,
                                       ProceedingReferences refs) {
        Verdict.firstRejection(required(validFrom, "validFrom"), requiredText(name, "name", MAX_TEXT_LENGTH),
                requiredText(area, "area", MAX_NAME_LENGTH), required(inquiry, "inquiryUnit"),
                optionalText(termText, "termText", MAX_TEXT_LENGTH), required(silenceAssent, "silenceAssent"),
                requiredText(holder, "substitutePowerHolder", MAX_NAME_LENGTH), optionalText(source, "source", MAX_TEXT_LENGTH)).orThrow();
        UnitRef inquiryUnit = unit(inquiry, "inquiryUnit", true, refs);
        UnitRef finalActUnit = finalAct == null ? null : unit(finalAct, "finalActUnit", false, refs);
        TermRule rule;
        boolean stated = term != null;
        if (stated) {
            TermRules.check(term, "term").orThrow();
            rule = new TermRule(term.kind(), term.amount(), term.month(), term.day(), term.yearOffset(), Text.collapse(term.trigger()));
            Verdict.firstRejection(optionalText(rule.trigger(), "term.trigger", MAX_TEXT_LENGTH)).orThrow();
        } else {
            TermParser.Result parsed = TermParser.parse(termText);
            if (!parsed.parsed()) {
                throw new CommandRejectedException(Rejection.invalid("TERM_UNPARSEABLE", "termText",
                        "The term '" + Text.collapse(termText) + "' cannot be read (" + parsed.problem()
                                + "); state its rule in 'term', keeping the text"));
            }
            rule = parsed.rule();
        }
        return new TypeVersion(validFrom, Text.collapse(name), Text.collapse(area), inquiryUnit, finalActUnit,
                Text.collapse(termText), rule, stated, silenceAssent, Text.collapse(holder), Text.collapse(source));
    }

    /** A unit reference: the wording is kept; a named unit must exist in the register. */
    private static UnitRef unit(UnitRef u, String field, boolean wordingRequired, ProceedingReferences refs) {
        Verdict.firstRejection(wordingRequired ? requiredText(u.asRecorded(), field + ".asRecorded", MAX_TEXT_LENGTH)
                        : optionalText(u.asRecorded(), field + ".asRecorded", MAX_TEXT_LENGTH),
                optionalText(u.unitId(), field + ".unitId", MAX_NAME_LENGTH)).orThrow();
        String id = Text.isBlank(u.unitId()) ? null : u.unitId().strip();
        if (id != null && !refs.unitExists(id)) {
            throw new CommandRejectedException(Rejection.notFound("UNIT_NOT_FOUND", field + ".unitId", "No unit '" + id + "'"));
        }
        if (id == null && Text.isBlank(u.asRecorded())) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", field, field + " needs a unit or its wording"));
        }
        return new UnitRef(id, Text.collapse(u.asRecorded()));
    }

    @EventSourcingHandler
    void on(ProceedingTypeDefined e) {
        proceedingTypeId = e.proceedingTypeId();
        history.apply(e);
    }

    @EventSourcingHandler
    void on(ProceedingTypeRevised e) {
        history.apply(e);
    }

    @EventSourcingHandler
    void on(ProceedingTypeUnitReassigned e) {
        history.apply(e);
    }
}
