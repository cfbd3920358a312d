package it.registro.domain.act.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** The act is annulled by another act from a date (ex tunc annulments give the annulled act's own date). */
@Revision("1")
public record ActAnnulled(String actId, LocalDate from, String byActId) {
}
