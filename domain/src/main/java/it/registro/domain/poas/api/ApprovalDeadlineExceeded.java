package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ApprovalDeadlineExceeded(
        String poasId,
        LocalDate submittedOn,
        LocalDate dueOn,
        LocalDate approvedOn,
        long daysOver) {
}
