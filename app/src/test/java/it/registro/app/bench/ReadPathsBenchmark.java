package it.registro.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.audit.ledger.Ledger;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.domain.person.api.PersonRegistered;

/**
 * Issue 23 #2, the read paths users take, as history grows: a change-feed page at the start and at the head, the
 * audit trail of one aggregate, of one body and of one person (whose own histories stay the same size), and for
 * a trail by recording time alone (the last hundred or so entries, read from the lists by bucket). Each beside the raw driver's exact
 * lookup of the same number of documents by {@code _id}. Run with {@code -Pbench -Dtest=ReadPathsBenchmark}; sizes
 * in {@code registro.bench.sizes} (default 1000,10000,100000). Rewrites its block of docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "registro.bench", matches = "true")
class ReadPathsBenchmark {

    private static final int REPEAT = 40;
    private final List<Integer> sizes = Arrays.stream(System.getProperty("registro.bench.sizes", "1000,10000,100000")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();
    private final AtomicInteger ids = new AtomicInteger();

    @Test
    void run() throws Exception {
        Map<Integer, Map<String, double[]>> rows = new LinkedHashMap<>();
        String machine = EventStoreBenchmark.machine();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistroApplication.class)
                .run("--server.port=0", "--spring.profiles.active=test", "--registro.store.embedded-backend=MEMORY",
                        "--registro.ledger.checkpoint-every=PT10H", "--logging.level.root=WARN", "--logging.level.it.registro=WARN")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api api = new Api(port);
            Api auditor = Api.as(port, "auditor");
            EventStorageEngine storage = context.getBean(EventStorageEngine.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            StoreDatabase store = context.getBean(StoreDatabase.class);
            var db = context.getBean(MongoClient.class).getDatabase(store.name());
            MongoCollection<Document> events = db.getCollection(store.eventsCollection());
            EventStoreBenchmark.seedQueries(api);
            String person = api.get("/api/persons?name=Sindaco%20Bench").json().at("/0/id").asString("");
            for (int size : sizes) {
                fill(storage, events, size);
                EventStoreBenchmark.awaitCaughtUp(processing, storage);
                long stored = events.countDocuments();
                long head = context.getBean(Ledger.class).size();
                Map<String, double[]> m = new LinkedHashMap<>();
                MongoCollection<Document> trail = db.getCollection("audit_trail");
                List<Object> hundred = new ArrayList<>();
                trail.find().limit(100).forEach(d -> hundred.add(d.get("_id")));
                m.put("feed page of 100, from the start", pair(i ->  ok(auditor.get("/api/audit/feed?limit=100")),
                        i -> rawLookup(trail, hundred)));
                m.put("feed page of 100, at the head", pair(i ->  ok(auditor.get("/api/audit/feed?limit=100&after=" + (head - 101))),
                        i -> rawLookup(trail, hundred)));
                List<Object> few = hundred.subList(0, 10);
                m.put("trail of one aggregate (bench-body)", pair(i ->  ok(auditor.get("/api/audit/events?aggregate=bench-body")),
                        i -> rawLookup(trail, few)));
                m.put("trail of one body", pair(i ->  ok(auditor.get("/api/audit/events?body=bench-body")), i -> rawLookup(trail, few)));
                m.put("trail of one person", pair(i ->  ok(auditor.get("/api/audit/events?person=" + person)), i -> rawLookup(trail, few)));
                // from the recording time of the event about a hundred positions before the head: about a hundred entries
                List<Long> near = new ArrayList<>();
                for (long g = Math.max(1, stored - 110); g <= stored - 90; g++) {
                    near.add(g);
                }
                Document from = events.find(new Document("_id", new Document("$in", near)).append("timeStamp", new Document("$exists", true))).first();
                String since = from == null ? java.time.Instant.now().minusSeconds(60).toString() : from.getString("timeStamp");
                m.put("trail by recording time alone (about the last 100 entries)", pair(i ->  ok(auditor.get(
                        "/api/audit/events?recordedFrom=" + since)), i -> rawLookup(trail, few)));
                rows.put((int) stored, m);
                EventStoreBenchmark.writeDoc("READ-PATHS", report(rows, machine), "ReadPathsBenchmark");
                System.out.println("BENCH reads @" + stored + ": " + report(rows, machine));
            }
        }
    }

    private static void ok(Api.Response r) {
        EventStoreBenchmark.expect(r, 200);
    }

    private static void rawLookup(MongoCollection<Document> trail, List<Object> ids) {
        List<Document> out = new ArrayList<>();
        trail.find(new Document("_id", new Document("$in", ids))).into(out);
    }

    /** Mean ms of ours and of the raw lookup, taken in turn, after a few of each to warm up. */
    private static double[] pair(EventStoreBenchmark.Op ours, EventStoreBenchmark.Op raw) throws Exception {
        for (int i = 0; i < 5; i++) {
            ours.run(i);
            raw.run(i);
        }
        long oursNanos = 0;
        long rawNanos = 0;
        for (int i = 0; i < REPEAT; i++) {
            long t0 = System.nanoTime();
            ours.run(i);
            long t1 = System.nanoTime();
            raw.run(i);
            oursNanos += t1 - t0;
            rawNanos += System.nanoTime() - t1;
        }
        return new double[] {oursNanos / 1e6 / REPEAT, rawNanos / 1e6 / REPEAT};
    }

    private void fill(EventStorageEngine storage, MongoCollection<Document> events, int size) {
        long missing = size - events.countDocuments();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long i = 0; i < missing; i++) {
            String id = "bench-fill-" + ids.incrementAndGet();
            batch.add(new GenericDomainEventMessage<>("Person", id, 0, new PersonRegistered(id, "Persona " + id, "bench"),
                    EventStoreBenchmark.CALLER));
            if (batch.size() == 500 || i == missing - 1) {
                storage.appendEvents(batch);
                batch = new ArrayList<>();
            }
        }
    }

    private static String report(Map<Integer, Map<String, double[]>> rows, String machine) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("\n\n");
        List<Integer> sizes = new ArrayList<>(rows.keySet());
        out.append("| read (HTTP, as an auditor; mean of ").append(REPEAT).append(", ms) |");
        sizes.forEach(s -> out.append(String.format(Locale.ROOT, " %,d events | raw lookup |", s)));
        if (sizes.size() > 1) {
            out.append(" largest / smallest |");
        }
        out.append("\n|---|");
        sizes.forEach(s -> out.append("---|---|"));
        out.append(sizes.size() > 1 ? "---|\n" : "\n");
        for (String read : rows.get(sizes.get(0)).keySet()) {
            out.append("| ").append(read).append(" |");
            for (int s : sizes) {
                double[] v = rows.get(s).get(read);
                out.append(String.format(Locale.ROOT, " %.1f | %.2f |", v[0], v[1]));
            }
            if (sizes.size() > 1) {
                double first = rows.get(sizes.get(0)).get(read)[0];
                double last = rows.get(sizes.get(sizes.size() - 1)).get(read)[0];
                out.append(String.format(Locale.ROOT, " %.2f× |", last / first));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
