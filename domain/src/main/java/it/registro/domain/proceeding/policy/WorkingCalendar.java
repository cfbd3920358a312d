package it.registro.domain.proceeding.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Italy's national calendar: Saturdays and Sundays are not working days, and neither are the national
 * holidays (L. 260/1949 and later laws), Easter Monday included. Local patron saints' days (Crema's
 * San Pantaleone, 10 June) are not national and not counted: a term must not depend on where the
 * office happens to be. 4 October is a national holiday again from 2026 (L. 151/2025).
 */
public final class WorkingCalendar {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1),   // Capodanno
            MonthDay.of(1, 6),   // Epifania
            MonthDay.of(4, 25),  // Liberazione
            MonthDay.of(5, 1),   // Festa del lavoro
            MonthDay.of(6, 2),   // Festa della Repubblica
            MonthDay.of(8, 15),  // Assunzione
            MonthDay.of(11, 1),  // Ognissanti
            MonthDay.of(12, 8),  // Immacolata
            MonthDay.of(12, 25), // Natale
            MonthDay.of(12, 26)); // Santo Stefano

    private WorkingCalendar() {
    }

    /** Easter Sunday (Gregorian computus, anonymous algorithm). */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    public static boolean isHoliday(LocalDate day) {
        if (FIXED.contains(MonthDay.from(day))) {
            return true;
        }
        if (day.getYear() >= 2026 && day.getMonthValue() == 10 && day.getDayOfMonth() == 4) {
            return true;
        }
        LocalDate easter = easter(day.getYear());
        return day.equals(easter) || day.equals(easter.plusDays(1));
    }

    /** Monday to Friday, not a national holiday. */
    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /**
     * A term in calendar days that ends on a Sunday or a holiday ends on the next day that is neither
     * (art. 2963 c.c.; art. 155 c.p.c. also moves a Saturday, which we follow: offices are shut).
     */
    public static LocalDate rollForward(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The {@code n}-th working day after {@code start} (the start itself is not counted). */
    public static LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days in [from, to], both included. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
