package it.registro.domain.body.api;

import org.axonframework.serialization.Revision;

/** The record of the election that made an officer, corrected in its session: the officer's term shows the corrected tally. */
@Revision("1")
public record OfficerElectionCorrected(String bodyId, Office office, String personId, String sessionRef, Tally tally, String nameAsRecorded,
                                       String reason) {
}
