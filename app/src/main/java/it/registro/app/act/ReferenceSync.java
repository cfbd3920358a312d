package it.registro.app.act;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import it.registro.app.security.CommandAuthorization;
import it.registro.domain.act.api.ActReferenceRecorded;
import it.registro.domain.act.api.RecordIncomingReference;
import it.registro.domain.common.CommandRejectedException;

/**
 * A reference recorded on one act reaches the act it names: an approval can make that act executive,
 * a revocation ends it. A side effect, so its processing group is never reset; the target ignores a
 * reference it already has.
 */
@Component
@ProcessingGroup(ReferenceSync.PROCESSING_GROUP)
public class ReferenceSync {

    public static final String PROCESSING_GROUP = "reference-sync";
    private static final Logger log = LoggerFactory.getLogger(ReferenceSync.class);

    private final CommandGateway commands;

    public ReferenceSync(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ActReferenceRecorded e) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordIncomingReference(e.targetActId(), e.kind(),
                    e.actId(), e.sourceDate(), e.effectiveFrom())).andMetaData(CommandAuthorization.system(PROCESSING_GROUP)));
        } catch (CommandRejectedException rejected) {
            log.warn("Reference {} {} -> {} not applied to the target: {}", e.actId(), e.kind(), e.targetActId(),
                    rejected.getMessage());
        }
    }
}
