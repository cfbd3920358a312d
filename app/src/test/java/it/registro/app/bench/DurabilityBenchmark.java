package it.registro.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.store.GroupCommitBackend;
import it.registro.app.support.Api;
import it.registro.domain.person.api.RegisterPerson;

/**
 * What durability costs on the embedded store (ADR 0014): the same commands on the in-memory backend,
 * on the file backend as H2 leaves it (a write answered before it is in the file, about a second lost
 * on a crash), and on the file backend with the group commit, with and without forcing each commit to
 * the disk; beside each, the raw driver's insertOne on the same server. Runs only with
 * {@code -Pbench -Dtest=DurabilityBenchmark}; writes target/durability-benchmark.md.
 */
@EnabledIfSystemProperty(named = "registro.bench", matches = "true")
class DurabilityBenchmark {

    private static final MetaData CALLER = MetaData.with("principal", "bench").and("roles", List.of("ADMIN")).and("channel", "bench");
    private static final int COMMANDS = Integer.getInteger("registro.bench.commands", 1000);
    private final AtomicInteger ids = new AtomicInteger();

    private record Variant(String name, MongoBackend backend) {
    }

    @Test
    void durabilityCost() throws Exception {
        Path dir = Files.createTempDirectory("durability-bench");
        List<String> rows = new ArrayList<>();
        rows.add("| store | raw insertOne x1 | raw insertOne x4 | gateway x1 (p50 / p95 ms) | gateway x4 (p50 / p95 ms) | REST x4 (p50 / p95 ms) | load |");
        rows.add("|---|---|---|---|---|---|---|");
        for (String name : List.of("memory", "file, H2 alone (no group commit)", "file, group commit, forced to disk", "file, group commit, not forced")) {
            MongoBackend backend = switch (name) {
                case "memory" -> new MemoryBackend();
                case "file, H2 alone (no group commit)" -> new H2Backend(dir.resolve("plain.mv").toString());
                default -> {
                    MVStore store = new MVStore.Builder().fileName(dir.resolve(name.contains("not") ? "nofsync.mv" : "fsync.mv").toString())
                            .autoCommitDisabled().autoCommitBufferSize(256 * 1024).open();
                    yield new GroupCommitBackend(new H2Backend(store), store, !name.contains("not"), 0);
                }
            };
            MongoServer server = new MongoServer(backend);
            server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 1, 32);
            String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistroApplication.class).run("--server.port=0",
                    "--spring.profiles.active=test", "--registro.store.uri=" + uri, "--registro.ledger.key-file=" + dir.resolve("key-" + ids.get()),
                    "--logging.level.root=WARN");
                 MongoClient raw = MongoClients.create(uri)) {
                CommandGateway gateway = context.getBean(CommandGateway.class);
                Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
                MongoCollection<Document> rawCollection = raw.getDatabase("bench").getCollection("raw_events");
                IntConsumer command = i -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new RegisterPerson("bench-" + ids.incrementAndGet(), "Persona " + i, "bench")).withMetaData(CALLER));
                timed(1, 200, command); // warm-up
                String raw1 = rate(timed(1, COMMANDS, i -> rawCollection.insertOne(new Document("n", i).append("payload", "x".repeat(600)))));
                String raw4 = rate(timed(4, COMMANDS, i -> rawCollection.insertOne(new Document("n", i).append("payload", "x".repeat(600)))));
                String g1 = latency(timed(1, COMMANDS, command));
                String g4 = latency(timed(4, COMMANDS, command));
                String rest4 = latency(timed(4, COMMANDS, i -> {
                    if (api.postJson("/api/persons", "{\"name\":\"Persona Rest " + i + "\"}").status() != 201) {
                        throw new IllegalStateException("REST write refused");
                    }
                }));
                rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f |", name, raw1, raw4, g1, g4, rest4,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                System.out.println(rows.get(rows.size() - 1));
            } finally {
                server.shutdownNow();
            }
        }
        Files.write(Path.of("target", "durability-benchmark.md"), rows);
    }

    /** Per-call latencies in ms, and the wall time in the last element. */
    private static List<Double> timed(int clients, int calls, IntConsumer call) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    call.accept(i);
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Double> out = new ArrayList<>(latencies);
        out.sort(Double::compare);
        out.add(wall);
        return out;
    }

    private static String rate(List<Double> timed) {
        return String.format(Locale.ROOT, "%,.0f/s", (timed.size() - 1) / timed.get(timed.size() - 1));
    }

    private static String latency(List<Double> timed) {
        List<Double> l = timed.subList(0, timed.size() - 1);
        return String.format(Locale.ROOT, "%,.0f/s (%.1f / %.1f)", l.size() / timed.get(timed.size() - 1), l.get(l.size() / 2),
                l.get((int) (l.size() * 0.95)));
    }
}
