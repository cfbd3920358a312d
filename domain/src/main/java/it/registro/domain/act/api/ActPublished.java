package it.registro.domain.act.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActPublished(String actId, String where, LocalDate from, LocalDate until, String registerNumber, String source) {
}
