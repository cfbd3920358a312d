package it.registro.app.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.audit.ReadModelRebuild;
import it.registro.app.audit.ledger.Ledger;
import it.registro.app.bench.EventStoreBenchmark;
import it.registro.app.bench.EventStoreBenchmark.Stats;
import it.registro.app.poas.ChangeListReplay;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.ScenarioFile;

/**
 * Issue 23 #1: a region's history, not a pile of registrations. The store is grown from the seeds as templates —
 * seed 004's Collegio (comuni, persons, body, rule set, composition) and its whole seduta 1/24 (participants, agenda,
 * arrivals and departures, chairs, elections, candidatures, designation, information, interventions, signature,
 * publication), seed 000's POAS change list and organigram (units, changes, approval) — each copy with its own ids,
 * in the seeds' own proportions, to 1k, 10k and 100k events (1M with {@code -Dregistro.bench.sizes=...,1000000}).
 * At each size, side by side: the raw driver's inserts (one document; the four documents a command causes: event,
 * read model, audit entry, ledger leaf), a sitting's commands through REST with 1 and 4 clients (convene, agenda,
 * six arrivals, open, a vote, close: p50/p95/p99), the sustained rate with every processor caught up, an as-of
 * composition, the feed and an aggregate's trail, ledger verification, the admin rebuild, heap and data size.
 * Run: {@code ./mvnw -B -Pbench -pl app -am test -Dtest=RegionalHistoryBenchmark}. Rewrites its block of
 * docs/benchmarks.md. Never part of the test suite.
 */
@EnabledIfSystemProperty(named = "registro.bench", matches = "true")
class RegionalHistoryBenchmark {

    private final List<Integer> sizes = Arrays.stream(System.getProperty("registro.bench.sizes", "1000,10000,100000")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();
    private final int sittings = Integer.getInteger("registro.bench.sittings", 30);
    private final AtomicInteger copies = new AtomicInteger();
    private final AtomicInteger sittingNumbers = new AtomicInteger();

    record Row(long events, Map<String, Stats> measures, Map<String, Double> figures) {
    }

    /** MEMORY (default: the whole store in the JVM's heap) or FILE (the embedded file store, as `run` keeps it). */
    private final String backend = System.getProperty("registro.bench.backend", "MEMORY");
    private final Path dataDir = backend.equals("FILE") ? createTempDir() : null;
    private final Map<String, Double> startUps = new LinkedHashMap<>();
    private int templateEvents;
    private int templateAggregates;

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("registro-bench-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the service and waits until every processor has caught up: what a restart costs before it is useful. */
    private ConfigurableApplicationContext start(String label) throws InterruptedException {
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=test",
                "--registro.store.embedded-backend=" + backend, "--registro.ledger.checkpoint-every=PT10H",
                "--logging.level.root=WARN", "--logging.level.it.registro=WARN"));
        if (dataDir != null) {
            args.add("--registro.store.data-dir=" + dataDir);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistroApplication.class).run(args.toArray(String[]::new));
        EventStoreBenchmark.awaitCaughtUp(context.getBean(EventProcessingConfiguration.class), context.getBean(EventStorageEngine.class));
        startUps.put(label, (System.nanoTime() - t0) / 1e9);
        return context;
    }

    @Test
    void run() throws Exception {
        List<Row> rows = new ArrayList<>();
        String machine = EventStoreBenchmark.machine();
        try (ConfigurableApplicationContext context = start("start-up on the empty store (s)")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api api = new Api(port);
            MongoClient mongo = context.getBean(MongoClient.class);
            StoreDatabase store = context.getBean(StoreDatabase.class);
            MongoDatabase db = mongo.getDatabase(store.name());
            MongoCollection<Document> events = db.getCollection(store.eventsCollection());
            EventStorageEngine storage = context.getBean(EventStorageEngine.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            Serializer serializer = context.getBean("eventSerializer", Serializer.class);

            // the templates, recorded as a secretariat and an agency record them
            ScenarioFile composition = ScenarioFile.load("s004-collegio-composition.yaml");
            ScenarioFile seduta = ScenarioFile.load("s004-seduta-1-24.yaml");
            SessionReplay replay = new SessionReplay(api, mongo, store);
            replay.setUp(composition, null);
            replay.registerPersons(seduta.list("nonMembers"));
            replay.run(seduta.list("steps"), composition);
            new ChangeListReplay(api).untilReview().importChangeList().importOrganigram().approve();
            EventStoreBenchmark.awaitCaughtUp(processing, storage);
            List<DomainEventMessage<?>> template = template(storage);
            Set<String> ids = new LinkedHashSet<>();
            template.forEach(e -> ids.add(e.getAggregateIdentifier()));
            List<String> members = List.of("M1", "M2", "M3", "M4", "M5", "M6").stream().map(replay::id).toList();
            System.out.printf(Locale.ROOT, "BENCH template: %d events of %d aggregates%n", template.size(), ids.size());
            templateEvents = template.size();
            templateAggregates = ids.size();
            warmUp(api, replay.bodyId, members);

            io.micrometer.core.instrument.MeterRegistry meters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            for (int size : sizes) {
                Map<String, Double> before = commandTimes(meters);
                fill(storage, events, template, ids, serializer, size);
                Duration catchUp = EventStoreBenchmark.awaitCaughtUp(processing, storage);
                where = whereTheTimeGoes(before, commandTimes(meters));
                long stored = events.countDocuments();
                Map<String, Stats> m = new LinkedHashMap<>();
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("catch-up after the fill (s)", catchUp == null ? -1 : catchUp.toMillis() / 1000.0);
                Document sample = events.find().first();
                m.put("raw insertOne x1 (1 document)", EventStoreBenchmark.timed(1, 2000, i -> raw(db, sample, 1)));
                m.put("raw insertOne x1 (4 documents: a command's writes)", EventStoreBenchmark.timed(1, 1000, i -> raw(db, sample, 4)));
                m.put("raw insertOne x4 (4 documents: a command's writes)", EventStoreBenchmark.timed(4, 1000, i -> raw(db, sample, 4)));
                db.getCollection("bench_raw").drop();
                for (int clients : new int[] {1, 4}) {
                    long start = System.nanoTime();
                    Stats s = sittings(api, replay.bodyId, members, clients);
                    m.put("sitting commands, REST x" + clients, s);
                    EventStoreBenchmark.awaitCaughtUp(processing, storage);
                    f.put("sustained rate, REST x" + clients + " with every processor caught up (commands/s)",
                            s.count() / ((System.nanoTime() - start) / 1e9));
                }
                m.put("as-of composition (GET)", EventStoreBenchmark.timed(1, 200, i -> EventStoreBenchmark.expect(api.get(
                        "/api/bodies/" + replay.bodyId + "/composition?asOf=2024-10-1" + (i % 9)), 200)));
                Api auditor = Api.as(port, "auditor");
                long head = context.getBean(Ledger.class).size();
                m.put("feed page of 100 at the head (GET)", EventStoreBenchmark.timed(1, 100, i -> EventStoreBenchmark.expect(
                        auditor.get("/api/audit/feed?limit=100&after=" + (head - 101)), 200)));
                m.put("audit trail of the sitting (GET)", EventStoreBenchmark.timed(1, 100, i -> EventStoreBenchmark.expect(
                        auditor.get("/api/audit/events?aggregate=" + replay.sessionId), 200)));
                m.put("audit trail of the body (GET)", EventStoreBenchmark.timed(1, 100, i -> EventStoreBenchmark.expect(
                        auditor.get("/api/audit/events?body=" + replay.bodyId), 200)));
                long t0 = System.nanoTime();
                // a verification of the whole store takes as long as it takes (tens of seconds on the file store at 100k)
                EventStoreBenchmark.expect(Api.as(port, "auditor").patient(Duration.ofMinutes(60)).postJson("/api/audit/verification", ""), 200);
                f.put("ledger verification (events/s)", stored / ((System.nanoTime() - t0) / 1e9));
                String[] note = new String[1];
                if (Boolean.parseBoolean(System.getProperty("registro.bench.rebuild", "true"))) {
                    f.put("admin rebuild (events/s)", EventStoreBenchmark.rebuild(context.getBean(ReadModelRebuild.class), storage, stored, note));
                }
                System.gc();
                f.put("heap used after (MiB)", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
                f.put("resident set size (MiB)", rss());
                Document stats = db.runCommand(new Document("dbStats", 1));
                f.put("data size (MiB)", ((Number) stats.getOrDefault("dataSize", 0)).doubleValue() / 1048576.0);
                rows.add(new Row(stored, m, f));
                String report = report(rows, machine, template.size(), ids.size(), note[0]);
                EventStoreBenchmark.writeDoc(backend.equals("FILE") ? "REGIONAL-FILE" : "REGIONAL", report, "RegionalHistoryBenchmark");
                System.out.println("BENCH regional @" + stored + "\n" + report);
            }
        }
        if (dataDir != null) {
            // the same store opened again: start-up at the largest size, then the resident set once settled
            try (ConfigurableApplicationContext again = start("start-up at " + String.format(Locale.ROOT, "%,d", sizes.get(sizes.size() - 1))
                    + " events (s)")) {
                System.gc();
                startUps.put("resident set size after the restart (MiB)", rss());
                startUps.put("data directory (MiB)", directorySize(dataDir) / 1048576.0);
            }
            StringBuilder out = new StringBuilder(report(rows, machine, templateEvents, templateAggregates, null));
            out.append("\nStart-up (until every processor has caught up), the file store, ").append(System.getProperty("bench.heap", "heap as set")).append(":\n\n| measure | value |\n|---|---|\n");
            startUps.forEach((k, v) -> out.append(String.format(Locale.ROOT, "| %s | %,.1f |%n", k, v)));
            EventStoreBenchmark.writeDoc("REGIONAL-FILE", out.toString(), "RegionalHistoryBenchmark");
            System.out.println("BENCH start-up\n" + out);
        }
    }

    private static long directorySize(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The MongoDB commands' time after the last fill, by command and collection: where a catch-up spends its time. */
    private String where = "";

    private static Map<String, Double> commandTimes(io.micrometer.core.instrument.MeterRegistry meters) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var timer : meters.find("mongodb.driver.commands").timers()) {
            String key = timer.getId().getTag("command") + " " + timer.getId().getTag("collection");
            out.merge(key + "|ms", timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), Double::sum);
            out.merge(key + "|n", (double) timer.count(), Double::sum);
        }
        return out;
    }

    private static String whereTheTimeGoes(Map<String, Double> before, Map<String, Double> after) {
        Map<String, double[]> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            String key = k.substring(0, k.lastIndexOf('|'));
            double d = v - before.getOrDefault(k, 0.0);
            delta.computeIfAbsent(key, x -> new double[2])[k.endsWith("|ms") ? 0 : 1] += d;
        });
        StringBuilder out = new StringBuilder("| MongoDB command and collection, fill and catch-up | calls | total s | ms per call |\n|---|---|---|---|\n");
        delta.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(12).forEach(e ->
                out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.2f |%n", e.getKey(), e.getValue()[1], e.getValue()[0] / 1000,
                        e.getValue()[1] == 0 ? 0 : e.getValue()[0] / e.getValue()[1])));
        return out.toString();
    }

    /** Every event stored so far, in order: the seeds as recorded. */
    private static List<DomainEventMessage<?>> template(EventStorageEngine storage) {
        List<DomainEventMessage<?>> out = new ArrayList<>();
        TrackingToken token = storage.createTailToken();
        while (true) {
            List<? extends TrackedEventMessage<?>> batch;
            try (var stream = storage.readEvents(token, false)) {
                batch = stream.toList();
            }
            if (batch.isEmpty()) {
                return out;
            }
            for (TrackedEventMessage<?> e : batch) {
                if (e instanceof DomainEventMessage<?> d) {
                    out.add(d);
                }
            }
            token = batch.get(batch.size() - 1).trackingToken();
        }
    }

    private static final String TEMPLATE_AGENCY = "\"ASST Cremona\"";
    /** The 27 Aziende Socio-Sanitarie Territoriali of Lombardy (l.r. 23/2015). */
    private static final List<String> ASST = List.of("ASST Cremona", "ASST Crema", "ASST Mantova", "ASST Lodi", "ASST Pavia",
            "ASST Grande Ospedale Metropolitano Niguarda", "ASST Santi Paolo e Carlo", "ASST Fatebenefratelli Sacco",
            "ASST Gaetano Pini-CTO", "ASST Nord Milano", "ASST Rhodense", "ASST Ovest Milanese", "ASST Melegnano e della Martesana",
            "ASST Monza", "ASST Brianza", "ASST Lecco", "ASST Lariana", "ASST Sette Laghi", "ASST Valle Olona",
            "ASST Valtellina e Alto Lario", "ASST Valcamonica", "ASST Spedali Civili di Brescia", "ASST Franciacorta",
            "ASST Garda", "ASST Papa Giovanni XXIII", "ASST Bergamo Ovest", "ASST Bergamo Est");

    /**
     * Copies of the template until the store holds {@code size} events: in each copy every aggregate id of the
     * template (and every mention of it in a payload) gets the copy's suffix, so copies are separate bodies, sittings,
     * persons, comuni and units with the template's own history.
     */
    private void fill(EventStorageEngine storage, MongoCollection<Document> events, List<DomainEventMessage<?>> template,
                      Set<String> ids, Serializer serializer, int size) {
        long missing = size - events.countDocuments();
        List<EventMessage<?>> batch = new ArrayList<>();
        while (missing > 0) {
            int copyNumber = copies.incrementAndGet();
            String suffix = "-r" + copyNumber;
            // each copy of seed 000's POAS history belongs to one of Lombardy's 27 ASST in turn, as a region's would
            String agency = "\"" + ASST.get(copyNumber % ASST.size()) + "\"";
            for (DomainEventMessage<?> e : template) {
                if (missing-- <= 0) {
                    break;
                }
                SerializedObject<String> payload = serializer.serialize(e.getPayload(), String.class);
                String json = payload.getData();
                for (String id : ids) {
                    json = json.replace("\"" + id + "\"", "\"" + id + suffix + "\"");
                }
                json = json.replace(TEMPLATE_AGENCY, agency);
                Object copy = serializer.deserialize(new SimpleSerializedObject<>(json, String.class, payload.getType()));
                // who and what the event concerns travel in its metadata too: the copy's body and act, not the template's
                Map<String, Object> metadata = new LinkedHashMap<>(e.getMetaData());
                metadata.replaceAll((k, v) -> v instanceof String s && ids.contains(s) ? s + suffix : v);
                batch.add(new GenericDomainEventMessage<>(e.getType(), e.getAggregateIdentifier() + suffix, e.getSequenceNumber(), copy,
                        org.axonframework.messaging.MetaData.from(metadata)));
                if (batch.size() == 500) {
                    storage.appendEvents(batch);
                    batch = new ArrayList<>();
                }
            }
            // a partial last copy would leave an aggregate's history cut: the store then holds a few events more
            if (missing <= 0 && !batch.isEmpty()) {
                storage.appendEvents(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            storage.appendEvents(batch);
        }
    }

    private void warmUp(Api api, String bodyId, List<String> members) throws Exception {
        sittings(api, bodyId, members, 2);
    }

    /**
     * {@link #sittings} sittings per client, each client recording its own sittings one after another, as a
     * secretariat does: convene, an agenda item, six arrivals, open, a vote, close. Latency per command.
     */
    private Stats sittings(Api api, String bodyId, List<String> members, int clients) throws Exception {
        int total = sittings * clients;
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        EventStoreBenchmark.timed(clients, total, i -> {
            int n = sittingNumbers.incrementAndGet();
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(n % 3000);
            String id = "bench-sitting-" + n;
            String path = "/api/sessions/" + id;
            List<String[]> calls = new ArrayList<>();
            calls.add(new String[] {"/api/sessions", """
                    {"id":"%s","bodyId":"%s","number":"%d/B","date":"%s","scheduledStart":"10:00","mode":"IN_PERSON"}"""
                    .formatted(id, bodyId, n, day)});
            calls.add(new String[] {path + "/agenda", """
                    {"itemNo":1,"kind":"DELIBERATION","title":"Parere sul piano"}"""});
            for (String member : members) {
                calls.add(new String[] {path + "/arrivals", """
                        {"personId":"%s","at":"%sT10:00"}""".formatted(member, day)});
            }
            calls.add(new String[] {path + "/open", "{\"at\":\"" + day + "T10:05\"}"});
            calls.add(new String[] {path + "/votes", """
                    {"itemNo":1,"at":"%sT10:10","mode":"OPEN_COUNTS","tally":{"inFavour":5,"against":0,"abstained":1}}""".formatted(day)});
            calls.add(new String[] {path + "/close", "{\"at\":\"" + day + "T10:15\"}"});
            for (String[] call : calls) {
                long t0 = System.nanoTime();
                Api.Response r = api.postJson(call[0], call[1]);
                latencies.add(System.nanoTime() - t0);
                if (r.status() != 200 && r.status() != 201) {
                    throw new IllegalStateException(call[0] + ": HTTP " + r.status() + " " + r.body());
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void raw(MongoDatabase db, Document sample, int documents) {
        MongoCollection<Document> raw = db.getCollection("bench_raw");
        for (int d = 0; d < documents; d++) {
            Document copy = new Document(sample);
            copy.put("_id", new ObjectId());
            raw.insertOne(copy);
        }
    }

    private static double rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(-1.0);
        } catch (Exception e) {
            return -1;
        }
    }

    private String report(List<Row> rows, String machine, int templateEvents, int templateAggregates, String rebuildNote) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("\n\n");
        out.append(String.format(Locale.ROOT, "The store grown from the seeds: a template of %,d events over %,d aggregates (seed 004's Collegio "
                + "and seduta 1/24, seed 000's POAS change list and organigram), copied with fresh ids, each copy's POAS history under one of the 27 ASST in turn.%n%n", templateEvents, templateAggregates));
        out.append("| measure (rate; p50 / p95 / p99 ms) |");
        rows.forEach(r -> out.append(String.format(Locale.ROOT, " %,d events |", r.events())));
        out.append(rows.size() > 1 ? " p95 largest / smallest |\n|---|" : "\n|---|");
        rows.forEach(r -> out.append("---|"));
        out.append(rows.size() > 1 ? "---|\n" : "\n");
        for (String key : rows.get(0).measures().keySet()) {
            out.append("| ").append(key).append(" |");
            rows.forEach(r -> out.append(' ').append(r.measures().get(key).rate()).append("; ").append(r.measures().get(key).latency()).append(" |"));
            if (rows.size() > 1) {
                double first = rows.get(0).measures().get(key).p95();
                double last = rows.get(rows.size() - 1).measures().get(key).p95();
                out.append(String.format(Locale.ROOT, " %.2f× |", last / first));
            }
            out.append('\n');
        }
        for (String key : rows.get(0).figures().keySet()) {
            out.append("| ").append(key).append(" |");
            rows.forEach(r -> out.append(String.format(Locale.ROOT, " %,.1f |", r.figures().get(key))));
            out.append(rows.size() > 1 ? " |\n" : "\n");
        }
        out.append("\nWhere the last catch-up spent its time on the store:\n\n").append(where);
        if (rebuildNote != null) {
            out.append("\nRebuild at the largest size: ").append(rebuildNote).append(".\n");
        }
        return out.toString();
    }
}
