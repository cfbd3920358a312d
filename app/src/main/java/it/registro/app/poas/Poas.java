package it.registro.app.poas;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import it.registro.domain.poas.api.FindApprovalChain;
import it.registro.domain.poas.api.FindCurrentPoas;
import it.registro.domain.poas.api.FindDeadlineReport;
import it.registro.projections.poas.PoasProjection;

/** The POAS reads — the plan in force, its approval chain and versions, the soft deadlines — for the API and the pages. */
@Service
public class Poas {

    private final QueryGateway queries;

    public Poas(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<PoasProjection.ApprovalChain> chain(String id) {
        return queries.query(new FindApprovalChain(id), ResponseTypes.optionalInstanceOf(PoasProjection.ApprovalChain.class)).join();
    }

    public Optional<PoasProjection.CurrentPoas> current(String agency, LocalDate day) {
        return queries.query(new FindCurrentPoas(agency, day), ResponseTypes.optionalInstanceOf(PoasProjection.CurrentPoas.class)).join();
    }

    public List<PoasProjection.Overdue> deadlines(String agency, LocalDate day) {
        return queries.query(new FindDeadlineReport(agency, day), ResponseTypes.multipleInstancesOf(PoasProjection.Overdue.class)).join();
    }
}
