package it.registro.domain.session.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FollowUpAnnounced(
        String sessionId,
        String factId,
        int itemNo,
        LocalDate on,
        String descriptionAsRecorded,
        String reportedByPersonId,
        String source) {
}
