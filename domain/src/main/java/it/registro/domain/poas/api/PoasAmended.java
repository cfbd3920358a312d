package it.registro.domain.poas.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** {@code version} is the POAS version this amendment makes (the approved plan is version 1). */
@Revision("1")
public record PoasAmended(String poasId, String actId, LocalDate on, String label, String proposingActId, int version,
                          String source) {
}
