package it.registro.domain.session.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A total stated by a document, to be checked against the sum of some lines.
 *
 * @param lineIds          the lines summed
 * @param useAlternative   sum the lines' alternative (bracketed) figures instead
 * @param extraAmounts     amounts summed beyond the lines (e.g. a subtotal stated elsewhere)
 */
public record TotalCheck(String label, List<String> lineIds, boolean useAlternative, List<BigDecimal> extraAmounts,
                         BigDecimal stated, String statedAsRecorded, String source) {
}
