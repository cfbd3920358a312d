package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A modification approved: {@code version} of the POAS is in force from {@code on}. {@code adoptedByActId}
 * is the agency's act that adopted it, which is also the act that scheduled its unit changes.
 */
@Revision("1")
public record PoasModificationApproved(
        String poasId,
        String modificationId,
        String actId,
        LocalDate on,
        String voteAsRecorded,
        int version,
        String adoptedByActId,
        String source) {
}
