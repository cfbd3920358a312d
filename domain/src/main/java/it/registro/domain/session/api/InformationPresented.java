package it.registro.domain.session.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InformationPresented(
        String sessionId,
        String factId,
        int itemNo,
        Instant at,
        List<Presenter> presenters,
        String summaryAsRecorded) {
}
