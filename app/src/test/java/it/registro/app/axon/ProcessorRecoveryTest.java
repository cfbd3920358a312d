package it.registro.app.axon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import it.registro.app.support.Api;
import it.registro.domain.person.api.PersonRegistered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler held past the unit-of-work timeout: Axon interrupts the processor's thread and the processor
 * shuts itself down. It must not stay down: the supervisor starts it again from its token, the event is
 * delivered again, and everything after it is handled. The wait ends on the handler's own release by the
 * interruption, never on a sleep.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registro.store.embedded-backend=MEMORY", "spring.profiles.active=test",
        "axon.eventhandling.processors.stalling.mode=tracking",
        "axon.timeout.transaction.event-processor.stalling.timeout-ms=1500",
        "axon.timeout.transaction.event-processor.stalling.warning-threshold-ms=1000",
        "axon.timeout.transaction.event-processor.stalling.warning-interval-ms=500",
        "registro.processors.supervise-every=PT0.5S"})
class ProcessorRecoveryTest {

    /** A projection that hangs on the first delivery of one event, as a handler waiting on a starved machine would. */
    @ProcessingGroup("stalling")
    static class StallingHandler {
        final Set<String> handled = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final CountDownLatch never = new CountDownLatch(1);

        @EventHandler
        void on(PersonRegistered event) {
            int attempt = attempts.computeIfAbsent(event.name(), k -> new AtomicInteger()).incrementAndGet();
            if (event.name().startsWith("Blocca") && attempt == 1) {
                try {
                    never.await(); // until the unit-of-work timeout interrupts this thread
                } catch (InterruptedException e) {
                    // as the MongoDB driver does when interrupted mid-call: the flag stays set, the call fails;
                    // Axon's retry then finds the thread interrupted and shuts the processor down for good
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting", e);
                }
            }
            handled.add(event.name());
        }
    }

    @TestConfiguration
    static class Handlers {
        @Bean
        StallingHandler stallingHandler() {
            return new StallingHandler();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StallingHandler handler;

    @Autowired
    ProcessorSupervisor supervisor;

    @Test
    @DisplayName("held past the unit-of-work timeout, or interrupted late by it, the processor resumes and catches up; restarts show in the health")
    void resumesAfterInterruption() {
        Api api = new Api(port);
        // 1. a handler held past the timeout: Axon interrupts it, retries the batch, and it goes through
        for (String name : List.of("Blocca Uno", "Dopo Uno")) {
            assertThat(api.postJson("/api/persons", "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> handler.handled.containsAll(List.of("Blocca Uno", "Dopo Uno")));
        assertThat(handler.attempts.get("Blocca Uno").get()).as("delivered again after the interruption").isGreaterThanOrEqualTo(2);

        // 2. the interruption arrives late, when the unit of work is over and the processor waits for events (a
        // starved machine delays the timeout's thread): Axon then shuts the processor down for good
        await().atMost(Duration.ofMinutes(1)).until(() -> processorThread() != null);
        processorThread().interrupt();
        await().atMost(Duration.ofMinutes(3)).until(() -> state().restarts() >= 1 && state().running());
        assertThat(api.postJson("/api/persons", "{\"name\":\"Dopo Due\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofMinutes(3)).until(() -> handler.handled.contains("Dopo Due"));

        JsonNode health = Api.as(port, "admin").get("/actuator/health").json();
        JsonNode stalling = health.get("components").get("processors").get("details").get("stalling");
        assertThat(stalling.get("running").asBoolean()).isTrue();
        assertThat(stalling.get("restarts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stalling.get("lag").asLong()).isGreaterThanOrEqualTo(0);
    }

    private ProcessorSupervisor.State state() {
        return supervisor.states().stream().filter(s -> s.name().equals("stalling")).findFirst().orElseThrow();
    }

    private static Thread processorThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("EventProcessor[stalling]") && t.isAlive())
                .findFirst().orElse(null);
    }
}
