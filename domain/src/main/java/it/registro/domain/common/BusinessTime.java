package it.registro.domain.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business times in the documents are local times in Italy. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private BusinessTime() {
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
