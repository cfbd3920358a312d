package it.registro.domain.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The common shape of a correction of a recorded fact: named fields, each given its right value, checked
 * against the fields that may be corrected, and kept only where it changes something. A correction that
 * changes nothing is refused, so that the history never holds an empty one.
 */
public final class Corrections {

    private Corrections() {
    }

    /**
     * The changes (field order by name) with their previous values; dates in {@code dateFields} read as ISO dates.
     *
     * @param current the value recorded now of each correctable field
     */
    public static List<FieldChange> changes(Map<String, String> requested, Set<String> correctable, Set<String> dateFields,
                                            Map<String, String> current) {
        if (requested == null || requested.isEmpty()) {
            throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "changes", "Name at least one field to correct"));
        }
        List<FieldChange> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(requested).entrySet()) {
            String field = e.getKey();
            if (!correctable.contains(field)) {
                throw new CommandRejectedException(Rejection.invalid("FIELD_NOT_CORRECTABLE", "changes." + field,
                        "The correctable fields here are " + String.join(", ", new java.util.TreeSet<>(correctable))));
            }
            String value = Text.isBlank(e.getValue()) ? null : Text.collapse(e.getValue());
            if (value != null && dateFields.contains(field)) {
                try {
                    value = LocalDate.parse(value).toString();
                } catch (DateTimeParseException ex) {
                    throw new CommandRejectedException(Rejection.invalid("INVALID_VALUE", "changes." + field,
                            "A date is YYYY-MM-DD, not '" + value + "'"));
                }
            }
            if (!Objects.equals(current.get(field), value)) {
                out.add(new FieldChange(field, current.get(field), value));
            }
        }
        if (out.isEmpty()) {
            throw new CommandRejectedException(Rejection.invalid("NOTHING_TO_CORRECT", "changes", "The values given are the ones recorded"));
        }
        return out;
    }

    /** The value a field takes after the changes, else its current one. */
    public static String after(List<FieldChange> changes, String field, String current) {
        for (FieldChange c : changes) {
            if (c.field().equals(field)) {
                return c.value();
            }
        }
        return current;
    }

    public static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
