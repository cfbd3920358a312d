package it.registro.projections.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import it.registro.domain.audit.api.FindAuditTrail;
import it.registro.projections.common.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail read by exact keys (an aggregate's entries, a body's, an act's or a person's key lists) answers
 * exactly what the query over the whole collection answers: the same entries, the same total, the same order, page
 * by page, with dates of recording and of business.
 */
class AuditProjectionTest {

    /** An event naming a body, an act and a person, and the day it speaks of. */
    record Recorded(String bodyId, String actId, String personId, LocalDate on) {
    }

    private InMemoryMongo mongo;
    private AuditProjection projection;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        projection = new AuditProjection(mongo.template());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void exactKeyReadsAnswerWhatTheWholeCollectionAnswers() {
        Random random = new Random(22);
        Instant start = Instant.parse("2024-01-01T08:00:00Z");
        int[] sequences = new int[12];
        // positions cross several buckets of the sequence, with gaps as failed appends leave them
        long g = 0;
        for (int i = 0; i < 600; i++) {
            g += 1 + (random.nextInt(10) == 0 ? 20_000 : 0);
            int aggregate = random.nextInt(sequences.length);
            Recorded payload = new Recorded("body-" + random.nextInt(4), random.nextInt(3) == 0 ? null : "act-" + random.nextInt(6),
                    "person-" + random.nextInt(8), LocalDate.of(2024, 1, 1).plusDays(random.nextInt(400)));
            var domain = new GenericDomainEventMessage<>("Thing", "thing-" + aggregate, sequences[aggregate]++, payload, MetaData.emptyInstance(),
                    java.util.UUID.randomUUID().toString(), start.plusSeconds(60L * i));
            TrackedEventMessage<Recorded> tracked = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(g), domain);
            projection.on(payload, tracked);
        }
        // a key's list spans several buckets of the sequence
        assertThat(mongo.template().getCollection(AuditProjection.KEYS).countDocuments(
                new Document("_id", new Document("$regex", "^b:body-1\\|")))).isGreaterThan(2);

        List<FindAuditTrail> queries = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            queries.add(query("thing-3", null, null, null, null, null, page, 7));
            queries.add(query(null, "body-2", null, null, null, null, page, 25));
            queries.add(query(null, null, "act-1", null, null, null, page, 10));
            queries.add(query(null, null, null, "person-5", null, null, page, 10));
            queries.add(query(null, "body-1", null, "person-2", null, null, page, 5));
            queries.add(query(null, "body-0", null, null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 30), page, 10));
            queries.add(query("thing-7", "body-3", null, null, LocalDate.of(2024, 2, 1), null, page, 3));
        }
        queries.add(new FindAuditTrail(null, "body-1", null, null, start.plusSeconds(60L * 100), start.plusSeconds(60L * 300),
                null, null, 0, 50));
        queries.add(new FindAuditTrail(null, null, "act-2", null, null, start.plusSeconds(60L * 250), null, null, 1, 5));
        queries.add(query(null, "nobody", null, null, null, null, 0, 10));
        // by time alone: recording time, business date, both, an open end, a range before everything
        for (int page = 0; page < 3; page++) {
            queries.add(new FindAuditTrail(null, null, null, null, start.plusSeconds(60L * 120), start.plusSeconds(60L * 180),
                    null, null, page, 20));
            queries.add(query(null, null, null, null, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 20), page, 8));
            queries.add(new FindAuditTrail(null, null, null, null, start.plusSeconds(60L * 400), null,
                    LocalDate.of(2024, 6, 1), null, page, 15));
            queries.add(new FindAuditTrail(null, null, null, null, null, start.plusSeconds(60L * 30), null, null, page, 12));
        }
        queries.add(new FindAuditTrail(null, null, null, null, null, start.minusSeconds(1), null, null, 0, 10));
        int nonEmpty = 0;
        for (FindAuditTrail q : queries) {
            AuditProjection.Page byKeys = projection.handle(q);
            AuditProjection.Page scanned = projection.scan(q);
            assertThat(byKeys.total()).as("total of %s", q).isEqualTo(scanned.total());
            assertThat(byKeys.entries()).as("%s", q).isEqualTo(scanned.entries());
            nonEmpty += byKeys.entries().isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(28);

        // an entry the lists do not hold is not seen by time alone: the answer came from the lists, not the collection
        Document stray = new Document("_id", "stray").append("g", 1L).append("recordedAt", java.util.Date.from(start.plusSeconds(60L * 150)))
                .append("businessDate", "2024-05-10");
        mongo.template().getCollection(AuditProjection.COLLECTION).insertOne(stray);
        FindAuditTrail byTime = new FindAuditTrail(null, null, null, null, start.plusSeconds(60L * 120), start.plusSeconds(60L * 180),
                null, null, 0, 100);
        assertThat(projection.handle(byTime).entries()).extracting(d -> d.get("_id")).doesNotContain("stray");
        assertThat(projection.scan(byTime).entries()).extracting(d -> d.get("_id")).contains("stray");
    }

    @Test
    void aTrailWrittenBeforeTheListsByTimeIsQueriedAsBefore() {
        Instant at = Instant.parse("2024-01-01T08:00:00Z");
        Recorded payload = new Recorded("body-1", null, "person-1", LocalDate.of(2024, 1, 1));
        projection.on(payload, new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(1),
                new GenericDomainEventMessage<>("Thing", "thing-1", 0, payload, MetaData.emptyInstance(), "e1", at)));
        // as a store kept before this edition: its lists have no span of time and no marker for them
        var keys = mongo.template().getCollection(AuditProjection.KEYS);
        keys.deleteMany(new Document("_id", new Document("$regex", "^(t\\||s\\||~complete:time)")));
        assertThat(keys.countDocuments(new Document("_id", "~complete:time"))).isZero();
        assertThat(keys.countDocuments(new Document("_id", "~complete"))).as("the other lists stay complete").isOne();
        AuditProjection restarted = new AuditProjection(mongo.template());
        FindAuditTrail q = new FindAuditTrail(null, null, null, null, at.minusSeconds(1), at.plusSeconds(1), null, null, 0, 10);
        assertThat(restarted.handle(q).entries()).extracting(d -> d.get("_id")).containsExactly("e1");
    }

    private static FindAuditTrail query(String aggregate, String body, String act, String person, LocalDate from, LocalDate to,
                                        int page, int size) {
        return new FindAuditTrail(aggregate, body, act, person, null, null, from, to, page, size);
    }
}
