package it.registro.domain.office;

import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.office.api.DefineOrganKind;
import it.registro.domain.office.api.OrganKindDefined;
import it.registro.domain.office.api.TermRule;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * A kind of organ or office, as data: the list is open (Collegio Sindacale, Nucleo di Valutazione delle Prestazioni,
 * CUG, Comitato Etico, Collegio di Direzione, Comitato di Dipartimento, the strategic directors…), each with its legal
 * basis, the term of its mandates and who designates its members.
 */
public class OrganKind {

    @AggregateIdentifier
    private String organKindId;

    protected OrganKind() {
    }

    @CommandHandler
    public OrganKind(DefineOrganKind command) {
        Verdict.firstRejection(
                command.organKindId() != null && command.organKindId().matches("[a-z0-9]+(-[a-z0-9]+)*") && command.organKindId().length() <= 100
                        ? Verdict.allowed() : Verdict.rejected(Rejection.invalid("ORGAN_KIND_ID_MALFORMED", "id",
                        "An organ kind's id is a lower-case slug, e.g. collegio-sindacale")),
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                optionalText(command.legalBasis(), "legalBasis", MAX_TEXT_LENGTH),
                required(command.term(), "term"),
                command.term() == null ? Verdict.allowed() : rule(command.term()),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        List<String> designators = command.designators() == null ? List.of()
                : command.designators().stream().filter(d -> !Text.isBlank(d)).map(Text::collapse).toList();
        TermRule t = command.term();
        AggregateLifecycle.apply(new OrganKindDefined(command.organKindId(), Text.collapse(command.name()), Text.collapse(command.legalBasis()),
                new TermRule(t.kind(), t.years(), t.minYears(), t.maxYears(), Text.collapse(t.basisAsRecorded())), designators,
                Text.collapse(command.source())));
    }

    /** A fixed term of 1 to 10 years, a range within them, or none. */
    static Verdict rule(TermRule t) {
        boolean ok = switch (t.kind() == null ? TermRule.Kind.OPEN : t.kind()) {
            case FIXED -> t.years() != null && t.years() >= 1 && t.years() <= 10;
            case RANGE -> t.minYears() != null && t.maxYears() != null && t.minYears() >= 1 && t.minYears() <= t.maxYears() && t.maxYears() <= 10;
            case OPEN -> true;
        };
        return ok && t.kind() != null ? Verdict.allowed() : Verdict.rejected(Rejection.invalid("TERM_RULE_MALFORMED", "term",
                "A term is FIXED with years (1-10), RANGE with minYears ≤ maxYears (1-10), or OPEN"));
    }

    @EventSourcingHandler
    void on(OrganKindDefined event) {
        organKindId = event.organKindId();
    }
}
