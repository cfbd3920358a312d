package it.registro.domain.body.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

import it.registro.domain.common.FieldChange;

/** A term corrected: the term of {@code seatId} recorded from {@code originalFrom}, each field's old and new value, the reason. */
@Revision("1")
public record TermCorrected(String bodyId, String seatId, String personId, LocalDate originalFrom, List<FieldChange> changes,
                            String reason) {
}
