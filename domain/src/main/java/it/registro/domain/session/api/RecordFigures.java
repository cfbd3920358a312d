package it.registro.domain.session.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordFigures(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        List<Milestone> milestones,
        List<FundingLine> fundingLines,
        List<TotalCheck> totalChecks) {
}
