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

    /** An instant as a person reads it in a message: the local date and time in Italy, e.g. "18/10/2024 16:00 (ora italiana)". */
    public static String local(Instant instant) {
        return instant == null ? "—" : instant.atZone(ZONE).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))
                + " (ora italiana)";
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
