package it.registro.domain.act.api;

import java.time.LocalDate;

/** An act with its history and its references both ways, and its state on a date (today if none). */
public record FindAct(String actId, LocalDate asOf) {
}
