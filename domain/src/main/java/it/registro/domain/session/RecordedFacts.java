package it.registro.domain.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.session.api.OpinionOutcome;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.SessionMode;

/**
 * The facts of a sitting that a correction may change, each with the current value of every correctable
 * field, and the rules of a correction: which fields of which kind of fact, and what a value must be.
 * A correction changes one or several fields of one fact at once; {@link #normalise} checks each value and
 * gives it its stored form, so the whole is judged before anything is recorded.
 */
final class RecordedFacts {

    /** A correctable fact: its kind, who it is about, its agenda item, and the current value of each correctable field. */
    record Fact(String kind, String personId, int itemNo, Map<String, String> values) {
    }

    static final String CONVOCATION = "convocation";

    private static final Map<String, Set<String>> CORRECTABLE = Map.ofEntries(
            Map.entry("arrival", Set.of("at", "textAsRecorded")),
            Map.entry("departure", Set.of("at", "textAsRecorded")),
            Map.entry("vote", Set.of("inFavour", "against", "abstained", "outcomeAsRecorded", "recordedOutcome", "subject")),
            Map.entry("election", Set.of("inFavour", "against", "abstained", "nameAsRecorded", "outcomeAsRecorded")),
            Map.entry("chair", Set.of("labelAsRecorded")),
            Map.entry("absence", Set.of("textAsRecorded")),
            Map.entry("opinion", Set.of("outcome", "conditionsAsRecorded", "textAsRecorded", "inFavour", "against", "abstained")),
            Map.entry("designation", Set.of("office", "nameAsRecorded", "basisAsRecorded", "rationaleAsRecorded", "termYears",
                    "conditionsAsRecorded", "inFavour", "against", "abstained")),
            Map.entry("information", Set.of("summaryAsRecorded")),
            Map.entry("intervention", Set.of("speakerAsRecorded", "summaryAsRecorded")),
            Map.entry(CONVOCATION, Set.of("number", "protocol", "protocolDate", "convenerNameAsRecorded", "scheduledStart", "mode",
                    "venue", "textAsRecorded")));

    static final Set<String> COUNTS = Set.of("inFavour", "against", "abstained");

    private final Map<String, Fact> facts = new HashMap<>();

    Fact get(String factId) {
        return facts.get(factId);
    }

    void put(String factId, Fact fact) {
        facts.put(factId, fact);
    }

    /** Applies corrected values (already normalised). */
    void corrected(String factId, Map<String, String> values) {
        Fact f = facts.get(factId);
        Map<String, String> v = new HashMap<>(f.values());
        v.putAll(values);
        facts.put(factId, new Fact(f.kind(), f.personId(), f.itemNo(), v));
    }

    static Map<String, String> values(Object... keyValues) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put((String) keyValues[i], keyValues[i + 1] == null ? null : String.valueOf(keyValues[i + 1]));
        }
        return v;
    }

    /**
     * The requested changes, checked and in stored form (field → value): each field correctable for the
     * fact's kind, each value well formed; {@code tally} ("3/0/1", for/against/abstained) stands for the
     * three counts at once.
     */
    static Map<String, String> normalise(Fact fact, Map<String, String> requested, LocalDate sessionDate) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : requested.entrySet()) {
            String field = e.getKey();
            String value = e.getValue() == null ? null : Text.collapse(e.getValue());
            if (field.equals("tally") && CORRECTABLE.getOrDefault(fact.kind(), Set.of()).contains("inFavour")) {
                String[] counts = value == null ? new String[0] : value.split("\\s*/\\s*");
                if (counts.length != 3) {
                    throw rejected(Rejection.invalid("INVALID_VALUE", "tally", "A tally is for/against/abstained, e.g. 3/0/1"));
                }
                changes.put("inFavour", String.valueOf(parseCount(counts[0], "tally")));
                changes.put("against", String.valueOf(parseCount(counts[1], "tally")));
                changes.put("abstained", String.valueOf(parseCount(counts[2], "tally")));
                continue;
            }
            if (!CORRECTABLE.getOrDefault(fact.kind(), Set.of()).contains(field)) {
                throw rejected(Rejection.invalid("FIELD_NOT_CORRECTABLE", "field",
                        "A " + fact.kind() + " can be corrected in " + new TreeSet<>(CORRECTABLE.getOrDefault(fact.kind(), Set.of()))
                                + (CORRECTABLE.getOrDefault(fact.kind(), Set.of()).contains("inFavour") ? " (or 'tally' for the three counts)" : "")));
            }
            changes.put(field, normalise(field, value, sessionDate));
        }
        if (changes.isEmpty()) {
            throw rejected(Rejection.invalid("FIELD_REQUIRED", "changes", "A correction changes at least one field"));
        }
        if (changes.keySet().stream().allMatch(f -> java.util.Objects.equals(changes.get(f), fact.values().get(f)))) {
            throw rejected(Rejection.invalid("NOTHING_TO_CORRECT", "changes", "The fact already holds these values"));
        }
        return changes;
    }

    private static String normalise(String field, String value, LocalDate sessionDate) {
        switch (field) {
            case "at" -> {
                return parseLocalTime(value).toString();
            }
            case "inFavour", "against", "abstained", "termYears" -> {
                if (value == null) {
                    return null;
                }
                int n = parseCount(value, "value");
                if (field.equals("termYears") && (n < 1 || n > 20)) {
                    throw rejected(Rejection.invalid("TERM_OUT_OF_RANGE", "value", "A term is 1 to 20 years"));
                }
                return String.valueOf(n);
            }
            case "recordedOutcome" -> {
                return value == null ? null : parseEnum(Outcome.class, value).name();
            }
            case "outcome" -> {
                return parseEnum(OpinionOutcome.class, value).name();
            }
            case "mode" -> {
                return value == null ? null : parseEnum(SessionMode.class, value).name();
            }
            case "protocolDate" -> {
                if (value == null) {
                    return null;
                }
                try {
                    LocalDate d = LocalDate.parse(value);
                    if (d.isAfter(sessionDate)) {
                        throw rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "value",
                                "The convocation (" + d + ") cannot follow the sitting (" + sessionDate + ")"));
                    }
                    return d.toString();
                } catch (DateTimeParseException e) {
                    throw rejected(Rejection.invalid("INVALID_VALUE", "value", "A date is written 2024-10-08"));
                }
            }
            case "scheduledStart" -> {
                if (value == null) {
                    return null;
                }
                try {
                    return LocalTime.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw rejected(Rejection.invalid("INVALID_VALUE", "value", "A time is written 14:00"));
                }
            }
            default -> {
                if (value != null && value.length() > 4000) {
                    throw rejected(Rejection.invalid("FIELD_TOO_LONG", "value", "A value is at most 4000 characters"));
                }
                return value;
            }
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw rejected(Rejection.invalid("INVALID_VALUE", "value", "One of " + List.of(type.getEnumConstants())));
        }
    }

    static Instant parseLocalTime(String value) {
        try {
            return LocalDateTime.parse(value).atZone(BusinessTime.ZONE).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw rejected(Rejection.invalid("INVALID_VALUE", "value", "A time is a local date-time, e.g. 2024-10-18T14:20"));
        }
    }

    private static int parseCount(String value, String field) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // fall through
        }
        throw rejected(Rejection.invalid("INVALID_VALUE", field, "A count is a whole number, 0 or more"));
    }

    private static CommandRejectedException rejected(Rejection rejection) {
        return new CommandRejectedException(rejection);
    }
}
