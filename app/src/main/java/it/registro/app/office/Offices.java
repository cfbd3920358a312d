package it.registro.app.office;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import it.registro.projections.office.MandateProjection;
import it.registro.projections.office.OfficeViews;

/** The organs' and mandates' reads, for the REST controller and the pages alike. */
@Service
public class Offices {

    private final QueryGateway queries;

    public Offices(QueryGateway queries) {
        this.queries = queries;
    }

    public List<OfficeViews.OrganKindView> kinds() {
        return queries.query(new MandateProjection.FindOrganKinds(), ResponseTypes.multipleInstancesOf(OfficeViews.OrganKindView.class)).join();
    }

    public List<MandateProjection.MandateOn> mandates(String agency, String organKind, LocalDate on, int expiringWithinDays) {
        return queries.query(new MandateProjection.FindMandates(agency, organKind, on, expiringWithinDays),
                ResponseTypes.multipleInstancesOf(MandateProjection.MandateOn.class)).join();
    }

    long version(String id) {
        return queries.query(new MandateProjection.FindMandate(id), ResponseTypes.optionalInstanceOf(OfficeViews.MandateView.class)).join()
                .map(OfficeViews.MandateView::version).orElse(-1L);
    }
}
