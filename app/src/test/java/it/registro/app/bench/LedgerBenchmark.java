package it.registro.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.audit.ledger.Ledger;
import it.registro.app.audit.ledger.LedgerVerifier;
import it.registro.app.audit.ledger.MerkleTree;
import it.registro.app.axon.ProcessorSupervisor;
import it.registro.app.support.SyntheticHistory;

import static org.awaitility.Awaitility.await;

/**
 * The ledger as it grows: at 1k, 10k, 100k and 1M events (written through the engine, entered by the
 * ledger's processor alone), how long a checkpoint, a proof and a whole verification take. Runs only
 * with {@code -Pbench -Dtest=LedgerBenchmark}; writes target/ledger-benchmark.md, which
 * docs/benchmarks.md quotes. {@code registro.bench.ledger-sizes} changes the sizes.
 */
@EnabledIfSystemProperty(named = "registro.bench", matches = "true")
class LedgerBenchmark {

    private final List<Integer> sizes = Arrays.stream(System.getProperty("registro.bench.ledger-sizes", "1000,10000,100000,1000000")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();

    @Test
    void ledgerAtSizes() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("| events | ledger catch-up (events/s) | checkpoint, median of 20 (ms) | inclusion proof, median of 20 (ms) | verification (s) | verification (events/s) | heap used after (MB) | load average |");
        rows.add("|---|---|---|---|---|---|---|---|");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistroApplication.class).run(
                "--server.port=0", "--registro.store.embedded-backend=MEMORY", "--registro.ledger.checkpoint-every=PT10H",
                "--logging.level.it.registro=WARN")) {
            EventStorageEngine engine = context.getBean(EventStorageEngine.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            context.getBean(ProcessorSupervisor.class).stopOnPurpose(processing.eventProcessors().values().stream()
                    .filter(p -> !p.getName().equals(Ledger.PROCESSING_GROUP)).filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast).toList());
            Ledger ledger = context.getBean(Ledger.class);
            LedgerVerifier verifier = context.getBean(LedgerVerifier.class);
            long written = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                SyntheticHistory.append(engine, "bench-" + size, (int) (size - written), 5);
                long target = size;
                written = size;
                await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200)).until(() -> ledger.size() >= target);
                double catchUp = target * 1e9 / (System.nanoTime() - start);

                List<Double> checkpoints = new ArrayList<>();
                List<Double> proofs = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    // one more event, entered, then a checkpoint of the new size: root from the edge, signature, insert
                    SyntheticHistory.append(engine, "bench-" + size + "-cp-" + i, 1, 1);
                    long next = ++written;
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5)).until(() -> ledger.size() >= next);
                    long t0 = System.nanoTime();
                    ledger.checkpoint("benchmark");
                    checkpoints.add((System.nanoTime() - t0) / 1e6);
                    long m = (long) (Math.random() * next);
                    long t1 = System.nanoTime();
                    MerkleTree.inclusionProof(ledger.tree(), m, next);
                    proofs.add((System.nanoTime() - t1) / 1e6);
                }
                long verified = written;
                LedgerVerifier.Report report = verifier.verify();
                if (!report.ok()) {
                    throw new AssertionError("verification at " + target + ": " + report.problems());
                }
                System.gc();
                long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
                rows.add(String.format(Locale.ROOT, "| %,d | %,.0f | %.2f | %.2f | %.1f | %,.0f | %d | %.2f |", target, catchUp, median(checkpoints),
                        median(proofs), report.durationMillis() / 1000.0, verified * 1000.0 / Math.max(1, report.durationMillis()), heap,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        Files.write(Path.of("target", "ledger-benchmark.md"), rows);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
