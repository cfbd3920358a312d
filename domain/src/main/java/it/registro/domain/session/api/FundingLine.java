package it.registro.domain.session.api;

import java.math.BigDecimal;

/**
 * A funding line of an information item: an exact amount in EUR, an optional alternative figure
 * given in brackets (meaning not stated), the act it cites, and what it is for.
 */
public record FundingLine(String lineId, String citedActAsRecorded, String objectAsRecorded, BigDecimal amount,
                          BigDecimal alternativeAmount, String source) {
}
