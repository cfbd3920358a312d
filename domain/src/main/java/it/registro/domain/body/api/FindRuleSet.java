package it.registro.domain.body.api;

import java.time.LocalDate;

/** The rule set in force on a business date. */
public record FindRuleSet(String bodyId, LocalDate asOf) {
}
