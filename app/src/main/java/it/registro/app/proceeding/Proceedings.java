package it.registro.app.proceeding;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import it.registro.domain.proceeding.api.FindOpenProceedings;
import it.registro.domain.proceeding.api.FindOverdueByUnit;
import it.registro.projections.proceeding.ProceedingProjection;
import it.registro.projections.proceeding.ProceedingView;

/** Proceedings and their legal deadlines, for the API and the pages. */
@Service
public class Proceedings {

    /** An open proceeding and whether it is past its due date on the day asked. */
    public record OpenOnDate(ProceedingView proceeding, boolean overdue) {
    }

    private final QueryGateway queries;

    public Proceedings(QueryGateway queries) {
        this.queries = queries;
    }

    public List<OpenOnDate> open(String agency, LocalDate day) {
        return queries.query(new FindOpenProceedings(agency), ResponseTypes.multipleInstancesOf(ProceedingView.class)).join().stream()
                .map(p -> new OpenOnDate(p, p.overdueOn(day))).toList();
    }

    public ProceedingProjection.OverdueReport overdue(String agency, LocalDate day) {
        return queries.query(new FindOverdueByUnit(agency, day), ResponseTypes.instanceOf(ProceedingProjection.OverdueReport.class)).join();
    }
}
