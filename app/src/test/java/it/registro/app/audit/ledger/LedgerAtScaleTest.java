package it.registro.app.audit.ledger;

import java.time.Duration;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import it.registro.app.support.Api;
import it.registro.app.support.SyntheticHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Verification at size: a store of 100,000 events, written through the engine, entered by the ledger,
 * checkpointed, verified over HTTP in one streaming pass (it used to answer 500 above ~65k events: one
 * find over every event, one reply over the wire limit), and its offline bundle checked. The time is
 * logged and written to target/ledger-at-scale.txt; docs/benchmarks.md quotes it. Only the ledger's
 * processor runs, so the machine's cores go to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"registro.store.embedded-backend=MEMORY", "registro.ledger.checkpoint-every=PT1H"})
@ActiveProfiles("test")
class LedgerAtScaleTest {

    private static final int EVENTS = Integer.getInteger("registro.ledger-at-scale.events", 100_000);

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Ledger ledger;

    @Autowired
    it.registro.app.axon.ProcessorSupervisor supervisor;

    @Test
    @DisplayName("100,000 stored events: the ledger holds them all, verification answers ok, the bundle checks offline")
    void verifiesAHundredThousand() throws Exception {
        supervisor.stopOnPurpose(processing.eventProcessors().values().stream().filter(p -> !p.getName().equals(Ledger.PROCESSING_GROUP))
                .filter(org.axonframework.eventhandling.StreamingEventProcessor.class::isInstance)
                .map(org.axonframework.eventhandling.StreamingEventProcessor.class::cast).toList());
        long before = ledger.size();
        SyntheticHistory.append(engine, "scale", EVENTS, 5);
        long expected = before + EVENTS;
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1)).until(() -> ledger.size() >= expected);
        Api admin = Api.as(port, "admin");
        JsonNode checkpoint = admin.postJson("/api/admin/checkpoints", "").json();
        assertThat(checkpoint.get("treeSize").asLong()).isEqualTo(expected);

        JsonNode report = Api.as(port, "auditor").patient(Duration.ofMinutes(30)).postJson("/api/audit/verification", "").json();
        assertThat(report.get("problems").size()).as(report.toString()).isZero();
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("ledgerEntries").asLong()).isEqualTo(expected);
        assertThat(report.get("storedEvents").asLong()).isEqualTo(expected);
        long millis = report.get("durationMillis").asLong();

        // a proof against the big checkpoint, from the stored tiles
        JsonNode proof = Api.as(port, "auditor").get("/api/audit/proofs/inclusion?eventId="
                + ledger.entries(expected / 2, 1).get(0).getString("eventId")).json();
        assertThat(MerkleTree.verifyInclusion(java.util.Base64.getDecoder().decode(proof.get("leafHash").asString()),
                proof.get("leafIndex").asLong(), proof.get("treeSize").asLong(),
                proof.get("path").valueStream().map(n -> java.util.Base64.getDecoder().decode(n.asString())).toList(),
                java.util.Base64.getDecoder().decode(checkpoint.get("root").asString()))).isTrue();

        long offlineStart = System.nanoTime();
        String bundle = Api.as(port, "auditor").patient(Duration.ofMinutes(30)).get("/api/audit/bundle", "Accept", "text/plain").body();
        OfflineVerifier.Result offline = OfflineVerifier.check(bundle.lines().toList(), List.of());
        long offlineMillis = (System.nanoTime() - offlineStart) / 1_000_000;
        assertThat(offline.problems()).isEmpty();
        assertThat(offline.leaves()).isEqualTo(expected);

        String line = String.format(java.util.Locale.ROOT, "%d events: verification %d ms; bundle download and offline check %d ms; %d processors available",
                expected, millis, offlineMillis, Runtime.getRuntime().availableProcessors());
        org.slf4j.LoggerFactory.getLogger(LedgerAtScaleTest.class).info(line);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "ledger-at-scale.txt"), line + "\n");
    }
}
