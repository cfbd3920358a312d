package it.registro.app.act;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import it.registro.app.security.Caller;
import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.domain.act.api.ActType;
import it.registro.domain.act.api.FindAct;
import it.registro.domain.act.api.FindActs;
import it.registro.projections.act.ActProjection;
import it.registro.projections.act.ActView;

/** The acts' reads, for the REST controllers and the pages alike; anonymous readers see adopted acts only. */
@Service
public class Acts {

    private final QueryGateway queries;

    public Acts(QueryGateway queries) {
        this.queries = queries;
    }

    Optional<ActProjection.ActRecord> find(String id, LocalDate asOf) {
        return queries.query(new FindAct(id, asOf), ResponseTypes.optionalInstanceOf(ActProjection.ActRecord.class)).join();
    }

    /** An act and its state on a day (default today); as on an albo, whether an unadopted act exists is not for anonymous readers. */
    public ActProjection.ActRecord get(String id, LocalDate asOf) {
        Optional<ActProjection.ActRecord> found = find(id, BusinessTimes.todayIfAbsent(asOf));
        if (Caller.anonymousRequest() && found.map(r -> r.act().getAdoption() == null).orElse(true)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null, "Sign in to read this act");
        }
        return found.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "ACT_NOT_FOUND", "id", "No act '" + id + "'"));
    }

    public List<ActView> list(String issuer, ActType type, String number) {
        return queries.query(new FindActs(issuer, type, number), ResponseTypes.multipleInstancesOf(ActView.class)).join();
    }
}
