package it.registro.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.audit.ReadModelRebuild;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.domain.person.api.PersonRegistered;
import it.registro.domain.person.api.RegisterPerson;

/**
 * The event-store benchmark: both engines against the raw MongoDB driver on the same store, with the
 * same event documents. Not part of the test suite (its name is not a test name, and it runs only with
 * {@code -Pbench}); see docs/benchmarks.md for the command. It rewrites the generated part of
 * docs/benchmarks.md.
 * <p>
 * Knobs (system properties): {@code registro.bench.sizes} (stored events, default 1000,10000,100000),
 * {@code registro.bench.engines} (default SEQUENCED,AXON_MONGO), {@code registro.bench.commands}
 * (commands per measurement, default 1000), {@code registro.bench.axon-mongo-max} (largest size tried
 * on the axon-mongo engine, default 10000: it scans, and 100k would take hours on 2 cores). With
 * {@code MONGODB_URI} set it runs on that MongoDB instead of a fresh embedded server per engine.
 */
@EnabledIfSystemProperty(named = "registro.bench", matches = "true")
public class EventStoreBenchmark {

    public static final MetaData CALLER = MetaData.with("principal", "bench").and("roles", List.of("ADMIN"))
            .and("channel", "bench");
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(10);

    private final List<Integer> sizes = Arrays.stream(System.getProperty("registro.bench.sizes", "1000,10000,100000")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();
    private final List<String> engines = Arrays.stream(System.getProperty("registro.bench.engines",
            "SEQUENCED,AXON_MONGO").split(",")).map(String::trim).toList();
    private final int commands = Integer.getInteger("registro.bench.commands", 1000);
    private final int axonMongoMax = Integer.getInteger("registro.bench.axon-mongo-max", 10000);
    private final String externalUri = System.getenv("MONGODB_URI");
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    public record Stats(int count, double perSecond, double p50, double p95, double p99) {
        public String rate() {
            return String.format(Locale.ROOT, "%.0f/s", perSecond);
        }

        public String latency() {
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", p50, p95, p99);
        }
    }

    record Row(String engine, int stored, Map<String, Stats> measures, double rawRead, double engineRead,
               double rebuild, String rebuildNote) {
    }

    @Test
    void run() throws Exception {
        for (String engine : engines) {
            rows.clear();
            notes.clear();
            lookups.clear();
            runEngine(engine);
        }
    }

    /** Each engine has its own block in the document, rewritten after every size, so a run cut short keeps what it measured. */
    private void publish(String engine) throws IOException {
        String report = report(engine);
        System.out.println(report);
        writeDoc(engine, report);
    }

    private void runEngine(String engine) throws Exception {
        MongoServer server = null;
        String uri = externalUri;
        if (uri == null || uri.isBlank()) {
            server = new MongoServer(new MemoryBackend());
            uri = server.bindAndGetConnectionString();
        }
        String database = "bench_" + engine.toLowerCase(Locale.ROOT) + "_" + System.currentTimeMillis();
        uri = withDatabase(uri, database);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistroApplication.class)
                .run("--server.port=0", "--spring.profiles.active=test", "--registro.store.uri=" + uri,
                        "--registro.store.engine=" + engine, "--logging.level.root=WARN",
                        "--logging.level.it.registro=WARN")) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            CommandGateway gateway = context.getBean(CommandGateway.class);
            EventStorageEngine storage = context.getBean(EventStorageEngine.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            StoreDatabase store = context.getBean(StoreDatabase.class);
            MongoDatabase db = context.getBean(MongoClient.class).getDatabase(store.name());
            MongoCollection<Document> events = db.getCollection(store.eventsCollection());
            seedQueries(api);
            warmUp(storage, gateway, api);
            for (int size : sizes) {
                if (engine.equals("AXON_MONGO") && size > axonMongoMax) {
                    notes.add("AXON_MONGO was not run at " + size + " events (registro.bench.axon-mongo-max="
                            + axonMongoMax + "): its reads scan the collection on the embedded server.");
                    continue;
                }
                fill(storage, events, size, engine.equals("AXON_MONGO"));
                String fillNote = engine + ": the store was filled " + (engine.equals("AXON_MONGO") ? "at 200 events/s (see fill())" : "in batches of 500") + ".";
                if (!notes.contains(fillNote)) {
                    notes.add(fillNote);
                }
                Duration catchUp = awaitCaughtUp(processing, storage);
                if (catchUp == null) {
                    notes.add(engine + " at " + size + ": projections had not caught up after the fill within "
                            + CATCH_UP_LIMIT.toMinutes() + " min; figures below ran beside the catch-up.");
                }
                Map<String, Stats> m = new LinkedHashMap<>();
                Document sample = events.find(new Document("payloadType", PersonRegistered.class.getName())).first();
                m.put("raw insertMany", rawInsertMany(db, sample));
                m.put("engine append x1", timed(1, commands, i -> storage.appendEvents(personRegistered())));
                m.put("engine append x4", timed(4, commands, i -> storage.appendEvents(personRegistered())));
                awaitCaughtUp(processing, storage);
                // each gateway round is followed by the processors' catch-up, so the raw round after it has the cores
                for (int clients : new int[] {1, 4}) {
                    interleaved(m, "raw insertOne x" + clients, () -> rawInsertOne(db, sample, clients), "gateway x" + clients, () -> {
                        Stats ours = timed(clients, commands, i -> gateway.sendAndWait(GenericCommandMessage
                                .asCommandMessage(new RegisterPerson(nextId(), "Persona Bench " + i, "bench")).withMetaData(CALLER)));
                        awaitCaughtUp(processing, storage);
                        return ours;
                    });
                }
                commandSideAlone(processing, context.getBean(it.registro.app.axon.ProcessorSupervisor.class), storage, gateway, db, sample, m);
                m.put("REST x1", timed(1, commands, i -> expect(api.postJson("/api/persons",
                        "{\"name\":\"Persona Rest " + i + "\"}"), 201)));
                m.put("REST x4", timed(4, commands, i -> expect(api.postJson("/api/persons",
                        "{\"name\":\"Persona Rest " + i + "\"}"), 201)));
                m.put("as-of composition", timed(1, 200, i -> expect(api.get(
                        "/api/bodies/bench-body/composition?asOf=2024-06-0" + (1 + i % 9)), 200)));
                m.put("as-of org chart", timed(1, 200, i -> expect(api.get(
                        "/api/units/chart?agency=ASST%20Bench&asOf=2025-01-0" + (1 + i % 9)), 200)));
                awaitCaughtUp(processing, storage);
                long stored = events.countDocuments();
                double rawRead = rawSequentialRead(events);
                double engineRead = engineSequentialRead(storage, stored);
                String[] rebuildNote = new String[1];
                double rebuild = rebuild(context.getBean(ReadModelRebuild.class), storage, stored, rebuildNote);
                rows.add(new Row(engine, size, m, rawRead, engineRead, rebuild, rebuildNote[0]));
                if (engine.equals("SEQUENCED") && size == sizes.get(sizes.size() - 1)) {
                    lookupShapes(events, stored);
                }
                publish(engine);
                System.out.println("BENCH " + engine + " @" + size + ": " + m + " rawRead=" + rawRead + " rebuild=" + rebuild);
            }
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    /** Rounds of the raw driver and of ours, taken in turn. */
    private static final int ROUNDS = 3;

    /**
     * The raw driver and ours measured in turn, {@link #ROUNDS} times, each kept as its median round (by
     * rate): the raw rate alone drifted up to fourfold between runs minutes apart, so one measure of
     * each, taken one after the other, made the ratio mostly a measure of the drift.
     */
    private static void interleaved(Map<String, Stats> m, String rawKey, java.util.concurrent.Callable<Stats> raw, String oursKey,
                                    java.util.concurrent.Callable<Stats> ours) throws Exception {
        List<Stats> raws = new ArrayList<>();
        List<Stats> ourRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            raws.add(raw.call());
            ourRounds.add(ours.call());
        }
        m.put(rawKey, median(raws));
        m.put(oursKey, median(ourRounds));
    }

    private static Stats median(List<Stats> rounds) {
        List<Stats> sorted = new ArrayList<>(rounds);
        sorted.sort(java.util.Comparator.comparingDouble(Stats::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The same gateway commands with every tracking processor stopped: what the command side costs by
     * itself, without the projections, the ledger and their token writes sharing the cores. The
     * processors are started again and catch up before anything else is measured.
     */
    private void commandSideAlone(EventProcessingConfiguration processing, it.registro.app.axon.ProcessorSupervisor supervisor,
                                  EventStorageEngine storage, CommandGateway gateway,
                                  MongoDatabase db, Document sample, Map<String, Stats> m) throws Exception {
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        supervisor.stopOnPurpose(processors);
        try {
            // the raw driver again, under the same conditions (nothing else running), in turn with ours
            for (int clients : new int[] {1, 4}) {
                interleaved(m, "raw alone x" + clients, () -> rawInsertOne(db, sample, clients), "gateway alone x" + clients,
                        () -> timed(clients, commands, i -> gateway.sendAndWait(GenericCommandMessage
                                .asCommandMessage(new RegisterPerson(nextId(), "Persona Sola " + i, "bench")).withMetaData(CALLER))));
            }
        } finally {
            supervisor.startAgain(processors);
        }
        if (awaitCaughtUp(processing, storage) == null) {
            notes.add("after the command-side-alone measure the processors had not caught up within "
                    + CATCH_UP_LIMIT.toMinutes() + " min");
        }
    }

    private final Map<String, Double> lookups = new LinkedHashMap<>();
    private long lookupsAt;

    /** Which query shapes the store serves without a scan: mean time of 20 runs of each, in ms. */
    private void lookupShapes(MongoCollection<Document> events, long stored) {
        lookupsAt = stored;
        long top = ((Number) events.find().sort(new Document("_id", -1)).limit(1).first().get("_id")).longValue();
        List<Long> hundredNumbers = new ArrayList<>();
        List<String> hundredKeys = new ArrayList<>();
        for (long g = top / 2; g < top / 2 + 100; g++) {
            hundredNumbers.add(g);
        }
        List<Document> sampled = events.find(new Document("_id", new Document("$in", hundredNumbers))).into(new ArrayList<>());
        sampled.forEach(d -> hundredKeys.add(d.getString("aggregateKey")));
        String oneAggregate = sampled.get(0).getString("aggregateIdentifier");
        lookups.put("`{_id: g}` (global sequence)", mean(() -> events.find(new Document("_id", top / 2)).first()));
        lookups.put("`{_id: {$in: [100 numbers]}}` (a tracking batch)", mean(() -> events.find(
                new Document("_id", new Document("$in", hundredNumbers))).into(new ArrayList<>())));
        List<Long> thousandNumbers = new ArrayList<>();
        for (long g = top / 2; g < top / 2 + 1000; g++) {
            thousandNumbers.add(g);
        }
        lookups.put("`{_id: {$in: [1,000 numbers]}}` (one query for a batch of 1,000)", mean(() -> events.find(
                new Document("_id", new Document("$in", thousandNumbers))).into(new ArrayList<>())));
        lookups.put("`{_id: {$in: [128 numbers]}}` x 8 (the engine's batch of 1,000, chunked)", mean(() -> {
            for (int from = 0; from < 1000; from += 128) {
                events.find(new Document("_id", new Document("$in", thousandNumbers.subList(from, Math.min(1000, from + 128)))))
                        .into(new ArrayList<>());
            }
        }));
        lookups.put("`{aggregateKey: {$in: [100 keys]}}` (unique index; aggregate load)", mean(() -> events.find(
                new Document("aggregateKey", new Document("$in", hundredKeys))).into(new ArrayList<>())));
        lookups.put("`{_id: {$gt: g}}` limit 100 (a range)", mean(() -> events.find(
                new Document("_id", new Document("$gt", top / 2))).limit(100).into(new ArrayList<>())));
        lookups.put("`{aggregateIdentifier: a, sequenceNumber: {$gte: 0}}` (axon-mongo's aggregate read shape)",
                mean(() -> events.find(new Document("aggregateIdentifier", oneAggregate)
                        .append("sequenceNumber", new Document("$gte", 0))).into(new ArrayList<>())));
    }

    private static double mean(Runnable query) {
        query.run();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            query.run();
        }
        return (System.nanoTime() - start) / 20 / 1e6;
    }

    private EventMessage<?> personRegistered() {
        String id = "bench-append-" + ids.incrementAndGet();
        return new GenericDomainEventMessage<>("Person", id, 0, new PersonRegistered(id, "Persona " + id, "bench"), CALLER);
    }

    /** The same operations, unmeasured, so the first size is not measured on a cold JVM. */
    private void warmUp(EventStorageEngine storage, CommandGateway gateway, Api api) throws Exception {
        timed(1, 300, i -> storage.appendEvents(personRegistered()));
        timed(2, 300, i -> gateway.sendAndWait(GenericCommandMessage
                .asCommandMessage(new RegisterPerson(nextId(), "Persona Warm " + i, "bench")).withMetaData(CALLER)));
        timed(2, 100, i -> expect(api.postJson("/api/persons", "{\"name\":\"Persona Warm " + i + "\"}"), 201));
        timed(1, 100, i -> expect(api.get("/api/bodies/bench-body/composition?asOf=2024-06-01"), 200));
        timed(1, 100, i -> expect(api.get("/api/units/chart?agency=ASST%20Bench&asOf=2025-01-01"), 200));
    }

    private String nextId() {
        return "bench-cmd-" + ids.incrementAndGet();
    }

    public static void expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
        }
    }

    /** A body with a composition and an agency with units, for the as-of queries. */
    static void seedQueries(Api api) {
        expect(api.postJson("/api/comuni", "{\"id\":\"comune-bench\",\"name\":\"Bench\",\"province\":\"CR\"}"), 201);
        String person = api.postJson("/api/persons", "{\"name\":\"Sindaco Bench\"}").json().get("id").asString();
        expect(api.postJson("/api/bodies", """
                {"id":"bench-body","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Bench"},
                 "name":"Assemblea Bench"}"""), 201);
        expect(api.postJson("/api/bodies/bench-body/compositions", """
                {"act":{"citation":"Decreto 1/2024"},"effectiveFrom":"2024-01-10","renewal":true,"seats":[
                 {"role":"MAYOR","constituency":"comune-bench","personId":"%s","comuneId":"comune-bench"}]}""".formatted(person)), 200);
        for (int u = 1; u <= 20; u++) {
            expect(api.postJson("/api/units/existing", "{\"agency\":\"ASST Bench\",\"type\":\"SC\",\"code\":\"" + u
                    + "\",\"name\":\"Unita " + u + "\"}"), 201);
        }
    }

    /**
     * Stores synthetic registrations straight through the engine until the store holds {@code size} events.
     * Paced for axon-mongo: its tracking token holds every event id inside its 1 s look-back and each
     * event of a fetched batch carries a copy, so a burst of thousands of events within a second ran a
     * 3 GB heap out of memory (measured twice); at 200 events a second it holds.
     */
    private void fill(EventStorageEngine storage, MongoCollection<Document> events, int size, boolean paced)
            throws InterruptedException {
        long missing = size - events.countDocuments();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long i = 0; i < missing; i++) {
            String id = "bench-fill-" + ids.incrementAndGet();
            batch.add(new GenericDomainEventMessage<>("Person", id, 0, new PersonRegistered(id, "Persona " + id, "bench"),
                    CALLER));
            if (batch.size() == (paced ? 100 : 500) || i == missing - 1) {
                storage.appendEvents(batch);
                batch = new ArrayList<>();
                if (paced) {
                    Thread.sleep(500);
                }
            }
        }
    }

    /**
     * Time until every tracking processor has reached the head of the store and says it is caught up;
     * null if that did not happen in time. (A processor reset to replay keeps a replay token until the
     * next new event, so "replaying" is no sign of being behind.)
     */
    public static Duration awaitCaughtUp(EventProcessingConfiguration processing, EventStorageEngine storage)
            throws InterruptedException {
        long start = System.nanoTime();
        java.util.OptionalLong head = storage.createHeadToken().position();
        Thread.sleep(200);
        while (System.nanoTime() - start < CATCH_UP_LIMIT.toNanos()) {
            boolean all = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .allMatch(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                            .allMatch(s -> s.isCaughtUp() && s.getError() == null
                                    && (head.isEmpty() || s.getCurrentPosition().orElse(-1) >= head.getAsLong())));
            if (all) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        return null;
    }

    /**
     * The admin rebuild (ReadModelRebuild, as {@code POST /api/admin/rebuild} runs it: every read model
     * reset and replayed, the ledger and the command-sending processors left alone), timed until every
     * replayed processor has reached the head; events per second.
     */
    public static double rebuild(ReadModelRebuild readModels, EventStorageEngine storage, long stored, String[] note)
            throws InterruptedException {
        java.util.OptionalLong head = storage.createHeadToken().position();
        long start = System.nanoTime();
        ReadModelRebuild.Status started = readModels.start("bench");
        Map<String, Double> finished = new LinkedHashMap<>();
        Thread.sleep(50);
        while (finished.size() < started.processors().size() && System.nanoTime() - start < CATCH_UP_LIMIT.toNanos()) {
            for (ReadModelRebuild.ProcessorStatus p : readModels.status().processors()) {
                // axon-mongo's token has no position: there, caught up is all there is to go by
                if (!finished.containsKey(p.name()) && p.caughtUp()
                        && (head.isEmpty() || p.position() != null && p.position() >= head.getAsLong())) {
                    finished.put(p.name(), (System.nanoTime() - start) / 1e9);
                }
            }
            Thread.sleep(20);
        }
        if (finished.size() < started.processors().size()) {
            note[0] = "not finished in " + CATCH_UP_LIMIT.toMinutes() + " min";
            return 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var slowest = finished.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        var fastest = finished.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        note[0] = finished.size() == 1
                ? String.format(Locale.ROOT, "processor %s (every read model), %.1f s", slowest.getKey(), seconds)
                : String.format(Locale.ROOT, "%d processors at once, %.1f s; fastest %s %.1f s, slowest %s %.1f s",
                        finished.size(), seconds, fastest.getKey(), fastest.getValue(), slowest.getKey(), slowest.getValue());
        return stored / seconds;
    }

    /**
     * The engine's own tracking read of the whole store, as a processor's stream sees it but with no
     * handler: events per second (the events are deserialized, as a handler would need them).
     */
    private static double engineSequentialRead(EventStorageEngine storage, long stored) {
        long start = System.nanoTime();
        long n = 0;
        org.axonframework.eventhandling.TrackingToken token = storage.createTailToken();
        while (true) {
            List<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> batch;
            try (var stream = storage.readEvents(token, false)) {
                batch = stream.toList();
            }
            if (batch.isEmpty()) {
                break;
            }
            for (var event : batch) {
                event.getPayload();
            }
            n += batch.size();
            token = batch.get(batch.size() - 1).trackingToken();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double rawSequentialRead(MongoCollection<Document> events) {
        long start = System.nanoTime();
        long n = 0;
        for (Document ignored : events.find().batchSize(1000)) {
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private Stats rawInsertOne(MongoDatabase db, Document sample, int clients) throws Exception {
        MongoCollection<Document> raw = db.getCollection("bench_raw");
        try {
            return timed(clients, commands, i -> {
                Document copy = new Document(sample);
                copy.put("_id", new ObjectId());
                raw.insertOne(copy);
            });
        } finally {
            raw.drop();
        }
    }

    private static Stats rawInsertMany(MongoDatabase db, Document sample) {
        MongoCollection<Document> raw = db.getCollection("bench_raw");
        int total = 20_000;
        long start = System.nanoTime();
        for (int b = 0; b < total / 1000; b++) {
            List<Document> docs = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                Document copy = new Document(sample);
                copy.put("_id", new ObjectId());
                docs.add(copy);
            }
            raw.insertMany(docs);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        raw.drop();
        return new Stats(total, total / seconds, 0, 0, 0);
    }

    public interface Op {
        void run(int i) throws Exception;
    }

    /** Runs {@code total} operations spread over {@code clients} threads; throughput and latency in ms. */
    public static Stats timed(int clients, int total, Op op) throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        op.run(i);
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Stats(total, total / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static String withDatabase(String uri, String database) {
        int hostsStart = uri.indexOf("://") + 3;
        int query = uri.indexOf('?', hostsStart);
        String base = query < 0 ? uri : uri.substring(0, query);
        String params = query < 0 ? "" : uri.substring(query);
        int slash = base.indexOf('/', hostsStart);
        String hosts = slash < 0 ? base : base.substring(0, slash);
        return hosts + "/" + database + params;
    }

    // ---------------------------------------------------------------- report

    private String report(String engine) {
        StringBuilder out = new StringBuilder();
        out.append("### Engine ").append(engine).append("\n\n");
        out.append("Run ").append(LocalDate.now()).append(" on ").append(machine()).append(".\n");
        out.append("Store: ").append(externalUri == null || externalUri.isBlank()
                ? "embedded mongo-java-server (memory backend), a fresh one per engine, in the benchmark's JVM"
                : "MongoDB at MONGODB_URI").append(".\n");
        out.append("Commands: RegisterPerson, a new aggregate each time; ").append(commands)
                .append(" per measurement. The raw driver's insertOne and the gateway are measured in turn, ").append(ROUNDS)
                .append(" rounds each, and each shows its median round. REST: POST /api/persons as an ADMIN, answered once the read model has it.\n")
                .append("Stored events were added as PersonRegistered straight through the engine, then projected.\n\n");
        out.append("#### Commands (throughput; latency p50 / p95 / p99 in ms) against the raw driver\n\n");
        out.append("| engine | stored | raw insertOne x1 | engine append x1 | gateway x1 | gateway/raw | raw insertOne x4 "
                + "| engine append x4 | gateway x4 | gateway/raw | REST x1 | REST x4 | raw insertMany |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Map<String, Stats> m = r.measures();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s (%s) | %.0f%% | %s | %s | %s (%s) | %.0f%% | %s (%s) | %s (%s) | %s |%n",
                    r.engine(), r.stored(), m.get("raw insertOne x1").rate(), m.get("engine append x1").rate(),
                    m.get("gateway x1").rate(),
                    m.get("gateway x1").latency(), 100 * m.get("gateway x1").perSecond() / m.get("raw insertOne x1").perSecond(),
                    m.get("raw insertOne x4").rate(), m.get("engine append x4").rate(), m.get("gateway x4").rate(),
                    m.get("gateway x4").latency(),
                    100 * m.get("gateway x4").perSecond() / m.get("raw insertOne x4").perSecond(),
                    m.get("REST x1").rate(), m.get("REST x1").latency(), m.get("REST x4").rate(), m.get("REST x4").latency(),
                    m.get("raw insertMany").rate()));
        }
        out.append("\n#### The command side alone: the same gateway commands with every tracking processor stopped\n\n");
        out.append("(the raw driver measured in turn with them, also with nothing else running)\n\n");
        out.append("| engine | stored | raw insertOne x1 | gateway alone x1 | ours/raw | raw insertOne x4 | gateway alone x4 | ours/raw |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Map<String, Stats> m = r.measures();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %s (%s) | %s (%s) | %.0f%% | %s (%s) | %s (%s) | %.0f%% |%n",
                    r.engine(), r.stored(), m.get("raw alone x1").rate(), m.get("raw alone x1").latency(),
                    m.get("gateway alone x1").rate(), m.get("gateway alone x1").latency(),
                    100 * m.get("gateway alone x1").perSecond() / m.get("raw alone x1").perSecond(),
                    m.get("raw alone x4").rate(), m.get("raw alone x4").latency(),
                    m.get("gateway alone x4").rate(), m.get("gateway alone x4").latency(),
                    100 * m.get("gateway alone x4").perSecond() / m.get("raw alone x4").perSecond()));
        }
        out.append("\n#### Reads: the whole store, a rebuild (the admin rebuild: every read model reset and replayed), as-of queries\n\n");
        out.append("| engine | stored | raw sequential read | engine tracking read | ours/raw | rebuild | ours/raw | rebuild detail "
                + "| as-of composition p50 / p95 / p99 ms | as-of org chart p50 / p95 / p99 ms |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Map<String, Stats> m = r.measures();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.0f/s | %.0f/s | %.0f%% | %.0f/s | %.0f%% | %s | %s | %s |%n",
                    r.engine(), r.stored(), r.rawRead(), r.engineRead(), 100 * r.engineRead() / r.rawRead(),
                    r.rebuild(), 100 * r.rebuild() / r.rawRead(), r.rebuildNote(),
                    m.get("as-of composition").latency(), m.get("as-of org chart").latency()));
        }
        if (!lookups.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%n#### Query shapes on the events collection at %,d documents (mean of 20, ms)%n%n", lookupsAt));
            out.append("| query | ms |\n|---|---|\n");
            lookups.forEach((k, v) -> out.append(String.format(Locale.ROOT, "| %s | %.2f |%n", k, v)));
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    public static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> ", " + Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM").orElse("");
        } catch (IOException | RuntimeException ignored) {
            // not Linux: say less
        }
        return String.format(Locale.ROOT, "%s, %d cores%s, JDK %s, heap max %d MiB, %s %s, load average at start %.1f",
                cpu, Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, System.getProperty("os.name"), System.getProperty("os.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void writeDoc(String engine, String report) throws IOException {
        writeDoc(engine, report, "EventStoreBenchmark");
    }

    /** Replaces the block {@code engine} of docs/benchmarks.md (appended when absent) with {@code report}. */
    public static void writeDoc(String engine, String report, String generator) throws IOException {
        String start = "<!-- benchmark:start " + engine + " (generated by " + generator + "; edits inside are overwritten) -->";
        String end = "<!-- benchmark:end " + engine + " -->";
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/benchmarks.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            System.out.println("docs/benchmarks.md not found; report printed only");
            return;
        }
        Path doc = dir.resolve("docs/benchmarks.md");
        String text = Files.readString(doc);
        String block = start + "\n" + report + end;
        int s = text.indexOf(start);
        int e = text.indexOf(end);
        text = s >= 0 && e > s ? text.substring(0, s) + block + text.substring(e + end.length())
                : text + "\n" + block + "\n";
        Files.writeString(doc, text);
    }
}
