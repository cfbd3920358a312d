package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberMarkedAbsent(
        String sessionId,
        String factId,
        String personId,
        AbsenceBasis basis,
        String textAsRecorded) {
}
