package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;

/**
 * An election's record as it stands after a correction (its tally, the name as the minutes write it), so
 * that what was derived from it — the body's officer — follows.
 */
@Revision("1")
public record ElectionCorrected(String sessionId, String factId, String bodyId, Office office, String personId, Tally tally,
                                String nameAsRecorded, String reason) {
}
