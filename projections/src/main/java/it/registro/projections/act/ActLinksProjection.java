package it.registro.projections.act;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import it.registro.domain.act.ActNumbers;
import it.registro.domain.act.CitationParser;
import it.registro.domain.act.api.ActRegistered;
import it.registro.domain.act.api.ParsedCitation;
import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.common.ActRef;
import it.registro.domain.session.api.DesignationRatified;
import it.registro.domain.session.api.OpinionGiven;
import it.registro.projections.common.BatchedWrites;
import it.registro.projections.common.KeyLists;

/**
 * Decisions that name an act — a body's composition act, the act ratifying a designation, a parere given in a sitting —
 * kept by the act's number and year, so that an act's page lists them and a reference that matches no registered act
 * (or several) is flagged instead of dropped. Each decision is stored once by its event's id: a replay writes the same.
 */
@Component
@ProcessingGroup(ActLinksProjection.PROCESSING_GROUP)
public class ActLinksProjection {

    public static final String PROCESSING_GROUP = "act-links";
    public static final String COLLECTION = "act_links";
    /** Key lists: "n:<number>|<year>" → the links naming it, and "a:<number>|<year>" → the registered acts with it. */
    public static final String KEYS = "act_link_keys";

    /** A decision naming an act: what kind, where it was taken, the act as cited. */
    public record Link(String id, String kind, String bodyId, String sessionId, Integer itemNo, LocalDate on, ActRef act,
                       String outcome, String key) {
    }

    /** A link with what it resolves to: one act, none (UNRESOLVED) or several (AMBIGUOUS), or no number to look for (NO_NUMBER). */
    public record Resolved(Link link, String resolution, List<String> actIds) {
    }

    /** The decisions naming an act; with {@code actId} null, every link that does not resolve to exactly one act. */
    public record FindActLinks(String actId) {
    }

    private final MongoTemplate mongo;

    public ActLinksProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // a store kept before these links: the decisions recorded until now are linked once the read models are rebuilt
        boolean fresh = mongo.getCollection(ActView.COLLECTION).find().limit(1).first() == null
                && mongo.getCollection(mongo.getCollectionName(it.registro.projections.body.BodyView.class)).find().limit(1).first() == null;
        if (!KeyLists.complete(mongo, KEYS, fresh)) {
            org.slf4j.LoggerFactory.getLogger(ActLinksProjection.class).warn("Decisions recorded before the links to the act register "
                    + "are not linked until the read models are rebuilt (POST /api/admin/rebuild)");
        }
    }

    @EventHandler
    void on(CompositionActRecorded e, EventMessage<?> message) {
        store(message.getIdentifier(), "COMPOSITION", e.bodyId(), null, null, e.effectiveFrom(), e.act(), null);
    }

    @EventHandler
    void on(DesignationRatified e, EventMessage<?> message) {
        store(message.getIdentifier(), "RATIFICATION", null, e.sessionId(), null, e.ratifiedOn(), e.act(), e.designationId());
    }

    @EventHandler
    void on(OpinionGiven e, EventMessage<?> message) {
        store(message.getIdentifier(), "OPINION", null, e.sessionId(), e.itemNo(),
                e.at() == null ? null : e.at().atZone(java.time.ZoneId.of("Europe/Rome")).toLocalDate(), e.act(),
                e.outcome() == null ? null : e.outcome().name());
    }

    @EventHandler
    void on(ActRegistered e) {
        String key = key(e.number(), e.year());
        if (key != null) {
            KeyLists.add(mongo, KEYS, "a:" + key, e.actId());
        }
    }

    private void store(String id, String kind, String bodyId, String sessionId, Integer itemNo, LocalDate on, ActRef act, String outcome) {
        if (act == null) {
            return;
        }
        String key = key(act);
        Document d = new Document("_id", id).append("kind", kind).append("bodyId", bodyId).append("sessionId", sessionId)
                .append("itemNo", itemNo).append("on", on == null ? null : on.toString()).append("outcome", outcome).append("key", key)
                .append("issuer", act.issuer()).append("type", act.type()).append("number", act.number())
                .append("date", act.date() == null ? null : act.date().toString()).append("citation", act.citation());
        BatchedWrites.insertOnce(BatchedWrites.collection(mongo, COLLECTION), d);
        KeyLists.add(mongo, KEYS, key == null ? "~nonumber" : "n:" + key, id);
        KeyLists.add(mongo, KEYS, "~all", id);
    }

    /** Number (without a legislature: "XI/6278" is cited as "6278" too) and year of a cited act, or null. */
    static String key(ActRef act) {
        ParsedCitation parsed = act.citation() == null ? null : CitationParser.parse(act.citation());
        String number = act.number() != null ? act.number() : parsed == null ? null : parsed.number();
        Integer year = act.date() != null ? Integer.valueOf(act.date().getYear())
                : parsed == null ? null : parsed.year() != null ? parsed.year() : parsed.date() == null ? null : parsed.date().getYear();
        return key(number, year);
    }

    static String key(String number, Integer year) {
        String n = ActNumbers.comparable(number);
        if (n == null) {
            return null;
        }
        Integer y = year;
        try {
            ActNumbers.Parsed parsed = ActNumbers.parse(number);
            y = y != null ? y : parsed.year();
        } catch (RuntimeException malformed) {
            // the comparable spelling is enough to look for it
        }
        if (y == null) {
            return null;
        }
        return n.substring(n.lastIndexOf('/') + 1) + "|" + y;
    }

    @ResetHandler
    void reset() {
        mongo.getCollection(COLLECTION).deleteMany(new Document());
        KeyLists.clear(mongo, KEYS);
    }

    @QueryHandler
    public List<Resolved> handle(FindActLinks q) {
        List<Resolved> out = new ArrayList<>();
        if (q.actId() == null) {
            for (Link link : links(KeyLists.ids(mongo, KEYS, "~all"))) {
                Resolved r = resolve(link);
                if (!r.resolution().equals("RESOLVED")) {
                    out.add(r);
                }
            }
            return out;
        }
        Document act = mongo.getCollection(ActView.COLLECTION).find(new Document("_id", q.actId())).first();
        if (act == null) {
            return out;
        }
        Number year = (Number) act.get("year");
        String key = key(act.getString("number"), year == null ? null : year.intValue());
        if (key == null) {
            return out;
        }
        for (Link link : links(KeyLists.ids(mongo, KEYS, "n:" + key))) {
            out.add(resolve(link));
        }
        return out;
    }

    private Resolved resolve(Link link) {
        if (link.key() == null) {
            return new Resolved(link, "NO_NUMBER", List.of());
        }
        List<String> acts = new ArrayList<>(KeyLists.ids(mongo, KEYS, "a:" + link.key()));
        return new Resolved(link, acts.isEmpty() ? "UNRESOLVED" : acts.size() > 1 ? "AMBIGUOUS" : "RESOLVED", acts);
    }

    private List<Link> links(Set<String> ids) {
        List<Link> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Document d : it.registro.projections.common.ByIds.find(mongo.getCollection(COLLECTION), "_id", ids)) {
            out.add(new Link(d.getString("_id"), d.getString("kind"), d.getString("bodyId"), d.getString("sessionId"), d.getInteger("itemNo"),
                    d.getString("on") == null ? null : LocalDate.parse(d.getString("on")),
                    new ActRef(d.getString("issuer"), d.getString("type"), d.getString("number"),
                            d.getString("date") == null ? null : LocalDate.parse(d.getString("date")), d.getString("citation")),
                    d.getString("outcome"), d.getString("key")));
        }
        out.sort(java.util.Comparator.comparing(Link::on, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return out;
    }

}
