package it.registro.domain.session.api;

import java.math.BigDecimal;

/** A stated total checked against the sum of its lines; a FAIL raises SUBTOTAL_MISMATCH, the stated figure stays. */
public record TotalCheckResult(String label, BigDecimal computed, BigDecimal stated, String statedAsRecorded,
                               boolean passed, BigDecimal difference, String source) {
}
