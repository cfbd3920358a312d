package it.registro.domain.session.api;

import java.util.List;

import org.axonframework.serialization.Revision;

import it.registro.domain.common.FieldChange;

/**
 * A correction of a recorded fact: every field it changes with its value before and after, and the
 * reason. Revision 1 held one change in {@code field}, {@code previousValue}, {@code newValue}; revision
 * 2 lists them in {@code changes}. {@link #allChanges()} reads both.
 */
@Revision("2")
public record RecordCorrected(
        String sessionId,
        String factId,
        String field,
        String previousValue,
        String newValue,
        String reason,
        List<FieldChange> changes) {

    public RecordCorrected(String sessionId, String factId, List<FieldChange> changes, String reason) {
        this(sessionId, factId, null, null, null, reason, List.copyOf(changes));
    }

    public List<FieldChange> allChanges() {
        return changes != null ? changes : List.of(new FieldChange(field, previousValue, newValue));
    }
}
