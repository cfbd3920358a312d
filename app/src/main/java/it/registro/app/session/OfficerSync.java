package it.registro.app.session;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import it.registro.app.security.CommandAuthorization;
import it.registro.domain.body.api.ElectOfficer;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.session.api.ElectionRecorded;

/**
 * An election recorded in a session makes the winner an officer of the body from that instant.
 * This is a side effect: its processing group is never reset or replayed (a rebuild resets only
 * the read models), and it is idempotent: a redelivered election finds the office already held.
 */
@Component
@ProcessingGroup(OfficerSync.PROCESSING_GROUP)
public class OfficerSync {

    public static final String PROCESSING_GROUP = "officer-sync";
    private static final Logger log = LoggerFactory.getLogger(OfficerSync.class);

    private final CommandGateway commands;

    public OfficerSync(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ElectionRecorded e) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ElectOfficer(e.bodyId(), e.office(),
                    e.personId(), e.nameAsRecorded(), e.at(), e.sessionId(), e.tally()))
                    .andMetaData(CommandAuthorization.system(PROCESSING_GROUP)));
        } catch (CommandRejectedException rejected) {
            if ("OFFICE_ALREADY_HELD".equals(rejected.rejection().code())) {
                return; // already applied: a redelivery
            }
            // The session already judged the candidate a member; a refusal here is a fact to investigate, not to retry.
            log.warn("Election {} of session {} not applied to body {}: {}", e.factId(), e.sessionId(), e.bodyId(),
                    rejected.getMessage());
        }
    }

    /** A corrected election: the officer it made shows the corrected tally (sending it twice records it twice, harmlessly). */
    @EventHandler
    void on(it.registro.domain.session.api.ElectionCorrected e) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new it.registro.domain.body.api.CorrectOfficerElection(e.bodyId(),
                    e.office(), e.personId(), e.sessionId(), e.tally(), e.nameAsRecorded(), e.reason()))
                    .andMetaData(CommandAuthorization.system(PROCESSING_GROUP)));
        } catch (CommandRejectedException rejected) {
            log.warn("Correction of election {} of session {} not applied to body {}: {}", e.factId(), e.sessionId(), e.bodyId(),
                    rejected.getMessage());
        }
    }
}
