package it.registro.domain.body;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.FieldChange;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;

/**
 * What a correction of a term may change and how each value is read: the holder, the first and last
 * day, the comune represented, the name as the act wrote it. {@code nameAsRecorded} is not part of the
 * term's state here (the read model keeps it), so it passes through unchanged.
 */
final class TermCorrections {

    static final Set<String> FIELDS = Set.of("personId", "from", "to", "comuneId", "nameAsRecorded");

    private TermCorrections() {
    }

    /** The requested changes in stored form, each field correctable and its value well formed; only real changes. */
    static Map<String, String> normalise(Terms.Term term, Map<String, String> requested) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : requested.entrySet()) {
            String field = e.getKey();
            String value = Text.isBlank(e.getValue()) ? null : Text.collapse(e.getValue());
            if (!FIELDS.contains(field)) {
                throw rejected(Rejection.invalid("FIELD_NOT_CORRECTABLE", "changes." + field,
                        "A term's correctable fields are " + String.join(", ", FIELDS.stream().sorted().toList())));
            }
            switch (field) {
                case "personId" -> {
                    if (value == null) {
                        throw rejected(Rejection.invalid("FIELD_REQUIRED", "changes.personId", "A term has a holder"));
                    }
                }
                case "from" -> {
                    if (value == null) {
                        throw rejected(Rejection.invalid("FIELD_REQUIRED", "changes.from", "A term has a first day"));
                    }
                    value = date(value, field).toString();
                }
                case "to" -> value = value == null ? null : date(value, field).toString();
                default -> {
                }
            }
            if (!Objects.equals(current(term, field), value) || field.equals("nameAsRecorded")) {
                out.put(field, value);
            }
        }
        return out;
    }

    static String current(Terms.Term term, String field) {
        return switch (field) {
            case "personId" -> term.personId();
            case "from" -> term.from().toString();
            case "to" -> term.to() == null ? null : term.to().toString();
            case "comuneId" -> term.comuneId();
            default -> null;
        };
    }

    /** The term with the corrected values in place. */
    static Terms.Term apply(Terms.Term t, List<FieldChange> changes) {
        String personId = t.personId();
        String comuneId = t.comuneId();
        LocalDate from = t.from();
        LocalDate to = t.to();
        for (FieldChange c : changes) {
            switch (c.field()) {
                case "personId" -> personId = c.value();
                case "comuneId" -> comuneId = c.value();
                case "from" -> from = LocalDate.parse(c.value());
                case "to" -> to = c.value() == null ? null : LocalDate.parse(c.value());
                default -> {
                }
            }
        }
        return new Terms.Term(t.seatId(), personId, comuneId, from, to);
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw rejected(Rejection.invalid("INVALID_VALUE", "changes." + field, "A date is YYYY-MM-DD, not '" + value + "'"));
        }
    }

    private static CommandRejectedException rejected(Rejection rejection) {
        return new CommandRejectedException(rejection);
    }
}
