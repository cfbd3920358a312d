package it.registro.domain.act;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.act.api.*;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;

import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * A citation of an act in a document. It is read, matched against the register and resolved, left
 * ambiguous for a person to decide, or left unresolved; the ways it differs from the act it
 * resolves to are flagged (seed 001 L2167 cites decree 327 as of 8/11/2018, registered 18/11/2018).
 */
public class Citation {

    @AggregateIdentifier
    private String citationId;
    private String outcome;
    private List<String> candidates = new ArrayList<>();

    protected Citation() {
    }

    @CommandHandler
    public Citation(RecordCitation command, ActDirectory directory) {
        Verdict.firstRejection(required(command.citationId(), "id"), requiredText(command.text(), "text", MAX_TEXT_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        ParsedCitation parsed = CitationParser.parse(command.text());
        List<ActDirectory.Candidate> found = parsed.number() == null && parsed.date() == null ? List.of()
                : directory.candidates(parsed);
        List<CitationFlag> flags = new ArrayList<>();
        String outcome;
        String actId = null;
        if (found.isEmpty()) {
            outcome = "UNRESOLVED";
            flags.add(new CitationFlag("UNRESOLVED_CITATION", "INFO", "No registered act matches this citation"));
        } else if (found.size() > 1) {
            outcome = "AMBIGUOUS";
            flags.add(new CitationFlag("AMBIGUOUS_CITATION", "WARNING",
                    "The citation fits " + found.size() + " registered acts: " + found.stream().map(ActDirectory.Candidate::actId).toList()));
        } else {
            ActDirectory.Candidate act = found.get(0);
            outcome = "RESOLVED";
            actId = act.actId();
            if (parsed.type() != null && parsed.type() != act.type()) {
                flags.add(new CitationFlag("CITATION_TYPE_MISMATCH", "INFO",
                        "Cited as " + parsed.type() + ", registered as " + act.type()));
            }
            if (parsed.date() != null && act.date() != null && !parsed.date().equals(act.date())) {
                flags.add(new CitationFlag("CITATION_DATE_CONFLICT", "WARNING",
                        "Cited as of " + parsed.date() + ", registered as of " + act.date()));
            }
        }
        AggregateLifecycle.apply(new CitationRecorded(command.citationId(), Text.collapse(command.text()),
                Text.collapse(command.source()), parsed, outcome, actId,
                found.stream().map(ActDirectory.Candidate::actId).toList(), flags));
    }

    @CommandHandler
    public long handle(ResolveCitation command) {
        Verdict.firstRejection(required(command.actId(), "actId"), requiredText(command.reason(), "reason", MAX_TEXT_LENGTH)).orThrow();
        if (!"AMBIGUOUS".equals(outcome)) {
            throw new CommandRejectedException(Rejection.conflict("CITATION_NOT_AMBIGUOUS", "actId",
                    "The citation is " + outcome + "; only an ambiguous one is resolved by hand"));
        }
        if (!candidates.contains(command.actId())) {
            throw new CommandRejectedException(Rejection.invalid("NOT_A_CANDIDATE", "actId",
                    "'" + command.actId() + "' is not among the acts the citation fits: " + candidates));
        }
        AggregateLifecycle.apply(new CitationResolved(citationId, command.actId(), Text.collapse(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CitationRecorded e) {
        citationId = e.citationId();
        outcome = e.outcome();
        candidates = new ArrayList<>(e.candidates());
    }

    @EventSourcingHandler
    void on(CitationResolved e) {
        outcome = "RESOLVED";
    }
}
