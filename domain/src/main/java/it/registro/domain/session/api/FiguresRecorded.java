package it.registro.domain.session.api;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FiguresRecorded(
        String sessionId,
        String factId,
        int itemNo,
        List<Milestone> milestones,
        List<FundingLine> fundingLines,
        List<TotalCheck> totalChecks,
        List<TotalCheckResult> results) {
}
