package it.registro.app.poas;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.domain.poas.api.FindOrgChart;
import it.registro.domain.poas.api.FindUnit;
import it.registro.domain.poas.api.FindUnitDiff;
import it.registro.projections.poas.UnitProjection;
import it.registro.projections.poas.UnitView;

/** The organisational units' reads, for the REST controllers and the pages alike. */
@Service
public class Units {

    private final QueryGateway queries;

    public Units(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<UnitView> find(String id) {
        return queries.query(new FindUnit(id), ResponseTypes.optionalInstanceOf(UnitView.class)).join();
    }

    public List<UnitView.TrailEntry> trail(String id) {
        return find(id).orElseThrow(() -> notFound(id)).getTrail();
    }

    public UnitProjection.OrgChart chart(String agency, LocalDate asOf) {
        return queries.query(new FindOrgChart(agency, BusinessTimes.todayIfAbsent(asOf)), ResponseTypes.instanceOf(UnitProjection.OrgChart.class))
                .join();
    }

    public UnitProjection.UnitDiff diff(String agency, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "DATES_OUT_OF_ORDER", "to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        return queries.query(new FindUnitDiff(agency, from, to), ResponseTypes.instanceOf(UnitProjection.UnitDiff.class)).join();
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNIT_NOT_FOUND", "id", "No unit '" + id + "'");
    }
}
