package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberUnseated(String bodyId, String seatId, String personId, LocalDate lastDay, String reason,
                             ActRef act) {
}
