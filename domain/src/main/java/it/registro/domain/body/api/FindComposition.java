package it.registro.domain.body.api;

import java.time.LocalDate;

/** The seats of a body and who held each on a business date. */
public record FindComposition(String bodyId, LocalDate asOf) {
}
