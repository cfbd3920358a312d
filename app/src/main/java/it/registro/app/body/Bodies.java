package it.registro.app.body;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.FindBodies;
import it.registro.domain.body.api.FindBody;
import it.registro.domain.body.api.FindComposition;
import it.registro.projections.body.BodyTimeline;
import it.registro.projections.body.BodyView;

/** The bodies' reads, for the REST controllers and the pages alike. */
@Service
public class Bodies {

    private final QueryGateway queries;

    public Bodies(QueryGateway queries) {
        this.queries = queries;
    }

    public List<BodyResource> list(BodyKind kind, String agency) {
        return queries.query(new FindBodies(kind, agency), ResponseTypes.multipleInstancesOf(BodyView.class))
                .join().stream().map(BodyResource::of).toList();
    }

    public Optional<BodyView> find(String id) {
        return queries.query(new FindBody(id), ResponseTypes.optionalInstanceOf(BodyView.class)).join();
    }

    public BodyView get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** One body as the API and the pages show it. */
    public BodyResource resource(String id) {
        return BodyResource.of(get(id));
    }

    /** The composition on a day (default today). */
    public BodyTimeline.Composition composition(String id, LocalDate asOf) {
        return queries.query(new FindComposition(id, BusinessTimes.todayIfAbsent(asOf)),
                ResponseTypes.optionalInstanceOf(BodyTimeline.Composition.class)).join().orElseThrow(() -> notFound(id));
    }

    /** The officers at an instant, and the interim presiding officer. */
    public BodyTimeline.Officers officers(String id, java.time.Instant at) {
        return queries.query(new it.registro.domain.body.api.FindOfficers(id, at), ResponseTypes.optionalInstanceOf(BodyTimeline.Officers.class))
                .join().orElseThrow(() -> notFound(id));
    }

    /** The delegations running at an instant, and who holds each seat's vote. */
    public BodyTimeline.Delegations delegations(String id, java.time.Instant at) {
        return queries.query(new it.registro.domain.body.api.FindDelegations(id, at),
                ResponseTypes.optionalInstanceOf(BodyTimeline.Delegations.class)).join().orElseThrow(() -> notFound(id));
    }

    /** The rule set in force on a day, if any. */
    public Optional<BodyTimeline.RuleSetOnDate> ruleSet(String id, LocalDate day) {
        return queries.query(new it.registro.domain.body.api.FindRuleSet(id, day), ResponseTypes.optionalInstanceOf(BodyTimeline.RuleSetOnDate.class))
                .join();
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "BODY_NOT_FOUND", "id", "No body with id '" + id + "'");
    }
}
