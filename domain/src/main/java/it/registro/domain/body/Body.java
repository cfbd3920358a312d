package it.registro.domain.body;

import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.BodyRenamed;
import it.registro.domain.body.api.RegisterBody;
import it.registro.domain.body.api.RenameBody;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;

import static it.registro.domain.body.policy.BodyPolicies.MAX_LEGAL_BASIS_LENGTH;
import static it.registro.domain.body.policy.BodyPolicies.MAX_NAME_LENGTH;
import static it.registro.domain.body.policy.BodyPolicies.MAX_REASON_LENGTH;
import static it.registro.domain.body.policy.BodyPolicies.effectiveDateInOrder;
import static it.registro.domain.body.policy.BodyPolicies.kindBelongsToAgency;
import static it.registro.domain.body.policy.BodyPolicies.nameChanges;
import static it.registro.domain.body.policy.BodyPolicies.optionalText;
import static it.registro.domain.body.policy.BodyPolicies.requiredText;
import static it.registro.domain.body.policy.BodyPolicies.wellFormedId;

/**
 * A governance body: a mayors' body, or an organ that issues or reviews acts. Decides on the
 * commands addressed to it; its state changes only in the event sourcing handlers.
 */
public class Body {

    @AggregateIdentifier
    private String bodyId;
    private String name;
    private LocalDate nameEffectiveFrom;

    protected Body() {
        // for Axon: rebuilt from events
    }

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

    @EventSourcingHandler
    void on(BodyRegistered event) {
        this.bodyId = event.bodyId();
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(BodyRenamed event) {
        this.name = event.newName();
        this.nameEffectiveFrom = event.effectiveFrom();
    }
}
