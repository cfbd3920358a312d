package it.registro.domain.act.api;

import java.time.LocalDate;

/** Acts by issuer (body id), type, number, year and/or date, in any combination. */
public record FindActs(String issuerBodyId, ActType type, String number, Integer year, LocalDate date) {

    public FindActs(String issuerBodyId, ActType type, String number) {
        this(issuerBodyId, type, number, null, null);
    }
}
