package it.registro.domain.poas.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PoasApprovalTransposed(String poasId, String actId, LocalDate on, String source) {
}
