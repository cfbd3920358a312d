package it.registro.app.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import it.registro.domain.body.api.FindBody;
import it.registro.domain.body.api.FindComposition;
import it.registro.domain.body.api.FindOfficers;
import it.registro.domain.body.api.Office;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.session.BodyFacts;
import it.registro.projections.body.BodyTimeline;
import it.registro.projections.body.BodyView;

/**
 * Tells a session about its body from the body's read model. The read model follows the body's
 * events closely (and the API waits for it after every write), so a session command sent after the
 * body's change sees it; see docs/adr/0004.
 */
@Component
public class ReadModelBodyFacts implements BodyFacts {

    private final QueryGateway queries;

    public ReadModelBodyFacts(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<BodyOnDate> bodyOn(String bodyId, LocalDate date) {
        Optional<BodyView> found = queries.query(new FindBody(bodyId), ResponseTypes.optionalInstanceOf(BodyView.class)).join();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BodyView body = found.get();
        BodyTimeline.Composition composition = queries.query(new FindComposition(bodyId, date),
                ResponseTypes.optionalInstanceOf(BodyTimeline.Composition.class)).join().orElseThrow();
        List<Member> members = new ArrayList<>();
        for (BodyTimeline.SeatOnDate seat : composition.seats()) {
            if (seat.holder() != null) {
                members.add(new Member(seat.holder().personId(), seat.seatId(), seat.holder().comuneId(),
                        seat.holder().population()));
            }
        }
        CompositionActFact act = composition.act() == null ? null
                : new CompositionActFact(composition.act().act(), composition.act().effectiveFrom());
        RuleSetFact rules = BodyTimeline.ruleSetOn(body, date).map(r -> new RuleSetFact(r.version(), r.name(), r.quorum(),
                r.majority(), r.weighting())).orElse(null);
        Instant dayStart = BusinessTime.startOf(date);
        Instant dayEnd = BusinessTime.startOf(date.plusDays(1));
        List<DelegationFact> delegations = body.getDelegations().stream()
                .filter(d -> d.from().isBefore(dayEnd) && d.effectiveTo().isAfter(dayStart))
                .map(d -> new DelegationFact(d.delegationId(), d.seatId(), d.delegatorPersonId(), d.delegatePersonId(),
                        d.from(), d.effectiveTo()))
                .toList();
        return Optional.of(new BodyOnDate(bodyId, members, act, rules, delegations));
    }

    @Override
    public Optional<String> officeHolderAt(String bodyId, Office office, Instant at) {
        return queries.query(new FindOfficers(bodyId, at), ResponseTypes.optionalInstanceOf(BodyTimeline.Officers.class))
                .join()
                .flatMap(o -> o.offices().stream().filter(h -> h.office() == office && !h.vacant()).findFirst())
                .map(BodyTimeline.OfficeHolder::personId);
    }
}
