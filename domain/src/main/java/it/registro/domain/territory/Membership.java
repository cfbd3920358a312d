package it.registro.domain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who belongs, over time: for each member the periods it belongs, from a day (included) until a day (excluded) or
 * open. A member joins only when it has no period reaching its first day or beyond, and leaves only an open period
 * begun before the day it leaves; so periods never overlap and "who belonged on a day" has one answer.
 */
public final class Membership {

    /** One period; {@code until} null while open. */
    public record Period(LocalDate from, LocalDate until) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    private final Map<String, List<Period>> periods = new LinkedHashMap<>();

    /** Whether {@code member} may join on {@code from}: it has no period covering that day or any later one. */
    public boolean mayJoin(String member, LocalDate from) {
        return periods.getOrDefault(member, List.of()).stream()
                .noneMatch(p -> p.until() == null || p.until().isAfter(from));
    }

    /** Whether {@code member} may leave on {@code from}: it has an open period begun before that day. */
    public boolean mayLeave(String member, LocalDate from) {
        return periods.getOrDefault(member, List.of()).stream().anyMatch(p -> p.until() == null && p.from().isBefore(from));
    }

    public void join(String member, LocalDate from) {
        periods.computeIfAbsent(member, m -> new ArrayList<>()).add(new Period(from, null));
    }

    public void leave(String member, LocalDate from) {
        List<Period> list = periods.getOrDefault(member, new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).until() == null) {
                list.set(i, new Period(list.get(i).from(), from));
            }
        }
    }

    public boolean isMemberOn(String member, LocalDate day) {
        return periods.getOrDefault(member, List.of()).stream().anyMatch(p -> p.covers(day));
    }

    /** The members on a day, in order. */
    public Set<String> on(LocalDate day) {
        Set<String> out = new TreeSet<>();
        periods.forEach((member, list) -> {
            if (list.stream().anyMatch(p -> p.covers(day))) {
                out.add(member);
            }
        });
        return out;
    }
}
