package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The 60-day norm of a modification's approval was overrun: a flag, never a rejection. */
@Revision("1")
public record ModificationDeadlineExceeded(
        String poasId,
        String modificationId,
        LocalDate submittedOn,
        LocalDate dueOn,
        LocalDate approvedOn,
        long daysOver) {
}
