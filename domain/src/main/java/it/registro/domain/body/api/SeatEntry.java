package it.registro.domain.body.api;

/**
 * One line of a composition act: the seat (identified by role and constituency) and who holds it.
 *
 * @param constituency    whom the seat represents, e.g. "ASST Cremona", or a comune id for a MAYOR seat
 * @param labelAsRecorded the seat's wording in the document, e.g. "Nominativo eletto dalla Conferenza dei Sindaci ASST di Cremona"
 * @param nameAsRecorded  the holder's name as the document writes it
 * @param comuneId        the comune of which the holder is mayor, if the document says so
 */
public record SeatEntry(SeatRole role, String constituency, String labelAsRecorded,
                        String personId, String nameAsRecorded, String comuneId) {
}
