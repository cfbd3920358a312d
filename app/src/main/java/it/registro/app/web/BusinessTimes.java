package it.registro.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import it.registro.domain.common.BusinessTime;

/**
 * The API takes business times as the documents give them: local date-times in Italy
 * ("2024-10-18T14:10"), converted here to instants; "now" and "today" are the service's clock.
 */
public final class BusinessTimes {

    private BusinessTimes() {
    }

    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(BusinessTime.ZONE).toInstant();
    }

    public static LocalDate todayIfAbsent(LocalDate date) {
        return date != null ? date : LocalDate.now(BusinessTime.ZONE);
    }

    public static Instant nowIfAbsent(LocalDateTime local) {
        return local != null ? instant(local) : Instant.now();
    }
}
