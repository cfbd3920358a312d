package it.registro.projections.common;

import com.mongodb.ErrorCategory;
import com.mongodb.WriteError;

/**
 * Which unique index refused a write. MongoDB (and the embedded server) report it only in the
 * message, as {@code "... index: <name> dup key: ..."}; a write refused by one index can be expected
 * (an event delivered again) while one refused by another is a fault.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Whether {@code error} is a duplicate key on the index named {@code index} (e.g. {@code _id_}). */
    public static boolean on(WriteError error, String index) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && error.getMessage() != null && error.getMessage().contains("index: " + index + " ");
    }
}
