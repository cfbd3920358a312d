package it.registro.domain.act.api;

import java.time.LocalDate;

/** What a citation says, as far as it can be read: any part may be null. */
public record ParsedCitation(ActType type, String number, Integer year, LocalDate date) {
}
