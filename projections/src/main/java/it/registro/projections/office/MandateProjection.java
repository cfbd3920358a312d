package it.registro.projections.office;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.office.api.MandateEnded;
import it.registro.domain.office.api.MandateStarted;
import it.registro.domain.office.api.OrganKindDefined;
import it.registro.domain.office.api.PowersDelegated;
import it.registro.domain.office.api.PowersRevoked;

/**
 * Organ kinds and mandates: who held an agency's offices (DG, DA, DS, DSS…) and an organ's seats on any day, their
 * delegations of powers with their limits, and the mandates expiring or expired, flagged for the secretariat.
 */
@Component
@ProcessingGroup(MandateProjection.PROCESSING_GROUP)
public class MandateProjection {

    public static final String PROCESSING_GROUP = "mandates";

    /** What a mandate is on a day: not yet begun, running, expiring within the days asked, expired with nobody recorded after, or ended. */
    public enum Status { NOT_STARTED, RUNNING, EXPIRING, EXPIRED, ENDED }

    public record MandateOn(OfficeViews.MandateView mandate, String organKind, Status status, List<OfficeViews.Delegation> delegationsInForce) {
    }

    public record FindOrganKinds() {
    }

    /** An agency's mandates on a day (all kinds, or one), with their status; {@code expiringWithinDays} says how near an end is "expiring". */
    public record FindMandates(String agency, String organKindId, LocalDate on, int expiringWithinDays) {
    }

    public record FindMandate(String mandateId) {
    }

    private final MongoTemplate mongo;

    public MandateProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(OrganKindDefined e) {
        mongo.save(new OfficeViews.OrganKindView(e.organKindId(), e.name(), e.legalBasis(), e.term(), e.designators(), e.source()));
    }

    @EventHandler
    void on(MandateStarted e, @SequenceNumber long seq) {
        mongo.save(new OfficeViews.MandateView(e.mandateId(), e.agency(), e.organKindId(), e.bodyId(), e.personId(), e.nameAsRecorded(),
                e.designatedBy(), e.from(), e.until(), e.rule(), null, null, e.byActRef(), e.source(), List.of(), seq));
    }

    @EventHandler
    void on(MandateEnded e, @SequenceNumber long seq) {
        update(e.mandateId(), seq, m -> new OfficeViews.MandateView(m.id(), m.agency(), m.organKindId(), m.bodyId(), m.personId(),
                m.nameAsRecorded(), m.designatedBy(), m.from(), m.until(), m.rule(), e.lastDay(), e.reason(), m.byActRef(), m.source(),
                m.delegations(), seq));
    }

    @EventHandler
    void on(PowersDelegated e, @SequenceNumber long seq) {
        update(e.mandateId(), seq, m -> {
            List<OfficeViews.Delegation> list = new ArrayList<>(m.delegations());
            list.add(new OfficeViews.Delegation(e.delegationId(), e.delegateOrganKindId(), e.delegatePersonId(), e.scopeAsRecorded(), e.from(),
                    e.until(), null, e.byActRef(), e.source()));
            return with(m, list, seq);
        });
    }

    @EventHandler
    void on(PowersRevoked e, @SequenceNumber long seq) {
        update(e.mandateId(), seq, m -> with(m, m.delegations().stream().map(d -> d.delegationId().equals(e.delegationId())
                ? new OfficeViews.Delegation(d.delegationId(), d.delegateOrganKindId(), d.delegatePersonId(), d.scopeAsRecorded(), d.from(),
                d.until(), e.lastDay(), d.byActRef(), d.source()) : d).toList(), seq));
    }

    private static OfficeViews.MandateView with(OfficeViews.MandateView m, List<OfficeViews.Delegation> delegations, long seq) {
        return new OfficeViews.MandateView(m.id(), m.agency(), m.organKindId(), m.bodyId(), m.personId(), m.nameAsRecorded(), m.designatedBy(),
                m.from(), m.until(), m.rule(), m.endedOn(), m.endReason(), m.byActRef(), m.source(), delegations, seq);
    }

    private void update(String id, long seq, java.util.function.UnaryOperator<OfficeViews.MandateView> change) {
        OfficeViews.MandateView m = mongo.findById(id, OfficeViews.MandateView.class);
        if (m != null && m.version() < seq) {
            mongo.save(change.apply(m));
        }
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), OfficeViews.OrganKindView.class);
        mongo.remove(new Query(), OfficeViews.MandateView.class);
    }

    @QueryHandler
    public List<OfficeViews.OrganKindView> handle(FindOrganKinds q) {
        return mongo.findAll(OfficeViews.OrganKindView.class).stream().sorted(Comparator.comparing(OfficeViews.OrganKindView::name)).toList();
    }

    @QueryHandler
    public Optional<OfficeViews.MandateView> handle(FindMandate q) {
        return Optional.ofNullable(mongo.findById(q.mandateId(), OfficeViews.MandateView.class));
    }

    @QueryHandler
    public List<MandateOn> handle(FindMandates q) {
        Criteria c = Criteria.where("agency").is(q.agency());
        if (q.organKindId() != null) {
            c = c.and("organKindId").is(q.organKindId());
        }
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        mongo.findAll(OfficeViews.OrganKindView.class).forEach(k -> kinds.put(k.id(), k.name()));
        List<OfficeViews.MandateView> all = mongo.find(Query.query(c), OfficeViews.MandateView.class);
        List<MandateOn> out = new ArrayList<>();
        for (OfficeViews.MandateView m : all) {
            out.add(new MandateOn(m, kinds.get(m.organKindId()), status(m, all, q.on(), q.expiringWithinDays()), inForce(m, q.on())));
        }
        out.sort(Comparator.comparing((MandateOn m) -> m.mandate().organKindId()).thenComparing(m -> m.mandate().from()));
        return out;
    }

    /**
     * Expired: its last day is past, it was not ended, and no later mandate of the same kind (for the same body) has begun —
     * the office is still recorded to the holder of a lapsed mandate.
     */
    static Status status(OfficeViews.MandateView m, List<OfficeViews.MandateView> all, LocalDate on, int expiringWithinDays) {
        if (on.isBefore(m.from())) {
            return Status.NOT_STARTED;
        }
        if (m.endedOn() != null) {
            return on.isAfter(m.endedOn()) ? Status.ENDED : Status.RUNNING;
        }
        if (m.until() != null && on.isAfter(m.until())) {
            boolean succeeded = all.stream().anyMatch(o -> o != m && o.organKindId().equals(m.organKindId())
                    && java.util.Objects.equals(o.bodyId(), m.bodyId()) && o.from().isAfter(m.from()) && !o.from().isAfter(on));
            return succeeded ? Status.ENDED : Status.EXPIRED;
        }
        if (m.until() != null && !on.plusDays(expiringWithinDays).isBefore(m.until())) {
            return Status.EXPIRING;
        }
        return Status.RUNNING;
    }

    /** The delegations running on a day: begun, not past their last day (never past the mandate's), not revoked. */
    static List<OfficeViews.Delegation> inForce(OfficeViews.MandateView m, LocalDate on) {
        LocalDate mandateEnd = m.lastDay();
        return m.delegations().stream().filter(d -> !on.isBefore(d.from())
                && (d.until() == null || !on.isAfter(d.until()))
                && (mandateEnd == null || !on.isAfter(mandateEnd))
                && (d.revokedLastDay() == null || !on.isAfter(d.revokedLastDay()))).toList();
    }
}
