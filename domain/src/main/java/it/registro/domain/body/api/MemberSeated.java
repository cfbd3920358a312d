package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
/** {@code to} is the last day held, or null while open. */
public record MemberSeated(String bodyId, String seatId, String personId, String nameAsRecorded, String comuneId,
                           LocalDate from, LocalDate to, ActRef act) {
}
