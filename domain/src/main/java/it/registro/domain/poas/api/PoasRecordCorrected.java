package it.registro.domain.poas.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

import it.registro.domain.common.FieldChange;

/**
 * A step of the chain corrected, each field's old and new value, and the reason; {@code daysOver} is the
 * chain's lateness against the 60-day deadline after the correction (0: in time; null: not approved yet),
 * {@code dueOn} its due date, so that the deadline follows the corrected dates.
 */
@Revision("1")
public record PoasRecordCorrected(String poasId, String step, String modificationId, List<FieldChange> changes, String reason,
                                  LocalDate dueOn, Long daysOver) {
}
