package it.registro.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import it.registro.app.support.Api;
import it.registro.app.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged service on its default embedded file store, written to by concurrent clients through
 * REST and killed with SIGKILL at a random moment, then started again on the same data directory, over
 * several cycles. After each restart: every acknowledged write is readable; every stored event is in
 * the audit trail, in the ledger and in the change feed; verification is ok (also across the restart
 * of the checkpoint key). A few cycles run in {@code verify}; {@code -Pcrash} runs many more
 * ({@code registro.crash.cycles}) and writes the figures to {@code target/reliability/crash-report.md}.
 */
class CrashIT {

    private static final int CYCLES = Integer.getInteger("registro.crash.cycles", 3);
    private static final int WRITERS = Integer.getInteger("registro.crash.writers", 6);
    /** With no progress at all in the figures for this long, the service is stuck, not slow. */
    private static final Duration STUCK = Duration.ofMinutes(3);

    @TempDir
    Path tempDir;

    private final Map<String, Boolean> persons = new ConcurrentHashMap<>();
    /** The last acknowledged version and name of each body. */
    private final Map<String, Acked> bodies = new ConcurrentHashMap<>();
    private final List<String> report = new ArrayList<>();

    private record Acked(long version, String name) {
    }

    private record Figures(long stored, long projected, long ledger) {
    }

    @Test
    @DisplayName("kill -9 under six writers, restart on the same data: no acknowledged write lost, no event missing from trail, ledger or feed")
    void survivesKills() throws Exception {
        long seed = Long.getLong("registro.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path logs = Path.of("target", "reliability");
        // -Dregistro.crash.data=DIR keeps the store for a look after a failure
        Path dataDir = System.getProperty("registro.crash.data") == null ? tempDir : Path.of(System.getProperty("registro.crash.data"));
        report.add("Seed " + seed + ", " + CYCLES + " cycles, " + WRITERS + " writers, started " + Instant.now());
        report.add("");
        report.add("| cycle | acknowledged writes (all cycles) | stored events | lost acknowledged | missing from audit trail | missing from ledger "
                + "| feed entries | verification | restart to caught up (s) |");
        report.add("|---|---|---|---|---|---|---|---|---|");
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            try (ServiceProcess service = ServiceProcess.start(dataDir, logs.resolve("crash-cycle-" + cycle + ".log")).awaitUp()) {
                if (cycle > 1) {
                    check(service, cycle - 1);
                }
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger acked = new AtomicInteger();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    Thread t = new Thread(writer(service, cycle, w, stop, acked, new Random(random.nextLong())), "writer-" + w);
                    t.start();
                    writers.add(t);
                }
                // A random moment once writing is under way: the kill lands in the middle of appends, projections and commits.
                while (acked.get() < 20) {
                    Thread.sleep(10);
                }
                // a signed checkpoint in every cycle: after the restart it must still verify (the key is kept with the data)
                service.as("admin", "demo-admin").postJson("/api/admin/checkpoints", "");
                Thread.sleep(random.nextInt(4000));
                service.kill();
                stop.set(true);
                for (Thread t : writers) {
                    t.join();
                }
            }
        }
        try (ServiceProcess service = ServiceProcess.start(dataDir, logs.resolve("crash-final.log")).awaitUp()) {
            check(service, CYCLES);
            service.stop();
        } finally {
            Files.createDirectories(logs);
            Files.write(logs.resolve("crash-report.md"), report);
        }
    }

    private Runnable writer(ServiceProcess service, int cycle, int w, AtomicBoolean stop, AtomicInteger acked, Random random) {
        Api admin = service.as("admin", "demo-admin");
        List<String> mine = new ArrayList<>();
        return () -> {
            int n = 0;
            while (!stop.get()) {
                n++;
                try {
                    int op = random.nextInt(3);
                    if (op == 0 || mine.isEmpty() && op == 2) {
                        String id = "p-" + cycle + "-" + w + "-" + n;
                        if (admin.postJson("/api/persons", "{\"id\":\"" + id + "\",\"name\":\"Persona " + n + " dell'àmbito " + w + "\"}")
                                .status() == 201) {
                            persons.put(id, true);
                            acked.incrementAndGet();
                        }
                    } else if (op == 1) {
                        String id = "b-" + cycle + "-" + w + "-" + n;
                        String name = "Conferenza dei Sindaci " + id;
                        if (admin.postJson("/api/bodies", "{\"id\":\"" + id + "\",\"kind\":\"CONFERENZA_DEI_SINDACI\","
                                + "\"agency\":{\"kind\":\"ASST\",\"name\":\"ASST " + w + "\"},\"name\":\"" + name + "\"}").status() == 201) {
                            bodies.put(id, new Acked(0, name));
                            mine.add(id);
                            acked.incrementAndGet();
                        }
                    } else {
                        String id = mine.get(random.nextInt(mine.size()));
                        Acked before = bodies.get(id);
                        String name = "Conferenza " + id + " rinominata " + n;
                        Api.Response r = admin.postJson("/api/bodies/" + id + "/rename",
                                "{\"name\":\"" + name + "\",\"reason\":\"prova\",\"effectiveFrom\":\"2024-01-01\"}",
                                "If-Match", "\"" + before.version() + "\"");
                        if (r.status() == 200) {
                            bodies.put(id, new Acked(r.json().get("version").asLong(), name));
                            acked.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    // the service was killed under this request: not acknowledged, nothing to expect of it
                }
            }
        };
    }

    private void check(ServiceProcess service, int cycle) throws InterruptedException {
        Api auditor = service.as("revisore", "demo-revisore");
        Api reader = service.as("sindaco", "demo-sindaco");
        Instant started = Instant.now();
        Figures figures = awaitCaughtUp(service, auditor);
        double catchUp = Duration.between(started, Instant.now()).toMillis() / 1000.0;

        List<String> lost = new ArrayList<>();
        persons.keySet().forEach(id -> {
            if (reader.get("/api/persons/" + id).status() != 200) {
                lost.add(id);
            }
        });
        bodies.forEach((id, acked) -> {
            Api.Response r = reader.get("/api/bodies/" + id);
            long version = r.status() == 200 ? Long.parseLong(r.header("ETag").replace("\"", "")) : -1;
            if (version < acked.version() || version == acked.version() && !r.json().get("name").asString().equals(acked.name())) {
                lost.add(id + " (acknowledged version " + acked.version() + ", found " + version + ")");
            }
        });

        JsonNode completeness = auditor.get("/api/audit/completeness").json();
        JsonNode verification = auditor.postJson("/api/audit/verification", "").json();
        List<String> notInLedger = new ArrayList<>();
        verification.get("problems").forEach(p -> {
            if (p.get("kind").asString().equals("NOT_IN_LEDGER")) {
                notInLedger.add(p.get("eventId").asString());
            }
        });
        long feed = readFeed(auditor, figures.stored());
        report.add("| " + cycle + " | " + (persons.size() + bodies.size()) + " | " + figures.stored() + " | " + lost.size() + " | "
                + completeness.get("missing").size() + " | " + notInLedger.size() + " | " + feed + " | "
                + (verification.get("ok").asBoolean() ? "ok" : verification.get("problems").size() + " problems") + " | "
                + String.format(java.util.Locale.ROOT, "%.1f", catchUp) + " |");

        assertThat(lost).as("acknowledged writes lost after the kill of cycle %d (service log %s)", cycle, service.log()).isEmpty();
        assertThat(completeness.get("missing").size()).as("events missing from the audit trail: %s", completeness.get("missing")).isZero();
        assertThat(verification.get("ok").asBoolean()).as("verification after the kill of cycle %d: %s", cycle, verification.get("problems"))
                .isTrue();
        assertThat(feed).as("events delivered by the change feed").isEqualTo(figures.stored());
    }

    /** Waits until the audit trail and the ledger hold every stored event; fails when the figures stop moving for {@link #STUCK}. */
    private Figures awaitCaughtUp(ServiceProcess service, Api auditor) throws InterruptedException {
        Figures last = null;
        Instant lastChange = Instant.now();
        while (true) {
            JsonNode c = auditor.get("/api/audit/completeness").json();
            JsonNode cp = auditor.get("/api/audit/checkpoints").json();
            Figures now = new Figures(c.get("storedEvents").asLong(), c.get("projectedEvents").asLong(), cp.get("ledgerSize").asLong());
            if (c.get("complete").asBoolean() && now.ledger() == now.stored() && now.projected() == now.stored()) {
                return now;
            }
            if (!now.equals(last)) {
                last = now;
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).compareTo(STUCK) > 0) {
                fail("The service stopped catching up: " + now + ", not projected: " + c.get("missing") + "\n" + service.tail());
            }
            Thread.sleep(250);
        }
    }

    /** Reads the whole change feed; fails when it stops delivering while events remain. */
    private long readFeed(Api auditor, long stored) throws InterruptedException {
        long after = -1;
        Set<String> seen = new HashSet<>();
        Instant lastChange = Instant.now();
        while (true) {
            JsonNode page = auditor.get("/api/audit/feed?after=" + after + "&limit=500").json();
            for (JsonNode e : page.get("entries")) {
                long position = e.get("position").asLong();
                assertThat(position).as("feed positions are dense").isEqualTo(after + 1);
                assertThat(seen.add(e.get("eventId").asString())).as("an event delivered twice by the feed: %s", e).isTrue();
                after = position;
                lastChange = Instant.now();
            }
            if (!page.get("more").asBoolean()) {
                return seen.size();
            }
            if (page.get("entries").isEmpty()) {
                if (Duration.between(lastChange, Instant.now()).compareTo(STUCK) > 0) {
                    fail("The change feed stalled after position " + after + " with " + (stored - seen.size()) + " events undelivered");
                }
                Thread.sleep(250);
            }
        }
    }
}
