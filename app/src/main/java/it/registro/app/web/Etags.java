package it.registro.app.web;

import org.springframework.http.HttpStatus;

/** Versions travel as strong ETags ("3"); If-Match carries the version a client last read. */
public final class Etags {

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version in an If-Match header, or null when the header is absent. */
    public static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "If-Match",
                "If-Match must be the ETag of the resource as last read, e.g. \"3\"");
    }
}
