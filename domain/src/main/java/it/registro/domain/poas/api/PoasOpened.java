package it.registro.domain.poas.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PoasOpened(
        String poasId,
        String agencyName,
        String period,
        String label,
        String source) {
}
