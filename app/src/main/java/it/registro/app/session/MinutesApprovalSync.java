package it.registro.app.session;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import it.registro.app.security.CommandAuthorization;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.session.api.ApproveMinutes;
import it.registro.domain.session.api.MinutesApprovalVoted;

/**
 * A passed vote on an item "approvazione del verbale" of a later sitting approves the earlier sitting's minutes,
 * on the day of that vote. A side effect like {@link OfficerSync}: never replayed by a rebuild, and idempotent
 * (a redelivered vote finds the minutes already approved).
 */
@Component
@ProcessingGroup(MinutesApprovalSync.PROCESSING_GROUP)
public class MinutesApprovalSync {

    public static final String PROCESSING_GROUP = "minutes-approval-sync";
    private static final Logger log = LoggerFactory.getLogger(MinutesApprovalSync.class);

    private final CommandGateway commands;

    public MinutesApprovalSync(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(MinutesApprovalVoted e) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ApproveMinutes(e.minutesOf(), e.bodyId(), e.sessionId(),
                    e.factId(), e.at().atZone(BusinessTime.ZONE).toLocalDate())).andMetaData(CommandAuthorization.system(PROCESSING_GROUP)));
        } catch (CommandRejectedException rejected) {
            if ("MINUTES_ALREADY_APPROVED".equals(rejected.rejection().code())) {
                return; // already applied: a redelivery, or minutes published before the vote
            }
            // e.g. minutes not yet signed, or of another body: the vote stands in its sitting, the minutes keep their state
            log.warn("Vote {} of session {} did not approve the minutes of {}: {}", e.factId(), e.sessionId(), e.minutesOf(),
                    rejected.getMessage());
        } catch (org.axonframework.modelling.command.AggregateNotFoundException missing) {
            log.warn("Vote {} of session {} names minutes of an unknown session {}", e.factId(), e.sessionId(), e.minutesOf());
        }
    }
}
