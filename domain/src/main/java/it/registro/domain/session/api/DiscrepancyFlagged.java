package it.registro.domain.session.api;

import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DiscrepancyFlagged(
        String sessionId,
        String flagId,
        String code,
        Severity severity,
        List<String> factIds,
        Map<String, String> details,
        String message) {
}
