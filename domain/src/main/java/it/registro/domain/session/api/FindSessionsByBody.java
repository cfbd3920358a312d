package it.registro.domain.session.api;

import java.time.LocalDate;

/** Sessions of a body (by id, or by any form of its name) between two dates, inclusive. */
public record FindSessionsByBody(String body, LocalDate from, LocalDate to) {
}
