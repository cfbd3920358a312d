package it.registro.domain.common;

/** The field-level checks every aggregate makes before it decides anything else. */
public final class Checks {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 1000;

    private Checks() {
    }

    public static Verdict required(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", field, field + " is required"));
        }
        return Verdict.allowed();
    }

    public static Verdict requiredText(String value, String field, int maxLength) {
        if (Text.isBlank(value)) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", field, field + " is required"));
        }
        return optionalText(value, field, maxLength);
    }

    public static Verdict optionalText(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            return Verdict.rejected(Rejection.invalid("FIELD_TOO_LONG", field,
                    field + " is longer than " + maxLength + " characters"));
        }
        return Verdict.allowed();
    }
}
