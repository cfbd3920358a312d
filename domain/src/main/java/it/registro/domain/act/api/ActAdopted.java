package it.registro.domain.act.api;

import it.registro.domain.body.api.Tally;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActAdopted(
        String actId,
        LocalDate on,
        String signedByAsRecorded,
        Boolean unanimous,
        Tally tally,
        String voteAsRecorded,
        String source) {
}
