package it.registro.app.security;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every refused attempt, with who, what and on what: in the log (logger "registro.security") and in
 * the {@code securitylog} collection, which auditors read. Refusals are not domain facts, so they are
 * not events.
 */
@Component
public class SecurityLog {

    public static final String COLLECTION = "securitylog";
    private static final Logger log = LoggerFactory.getLogger("registro.security");

    private final MongoTemplate mongo;

    public SecurityLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Entry(Instant at, String principal, String action, String target, String reason) {
    }

    public void denied(String principal, String action, String target, String reason) {
        log.warn("DENIED principal={} action={} target={} reason={}", principal, action, target, reason);
        mongo.getCollection(COLLECTION).insertOne(new Document("at", java.util.Date.from(Instant.now()))
                .append("principal", principal).append("action", action).append("target", target).append("reason", reason));
    }

    public List<Entry> latest(int limit) {
        Query q = new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> new Entry(d.getDate("at").toInstant(),
                d.getString("principal"), d.getString("action"), d.getString("target"), d.getString("reason"))).toList();
    }
}
