package it.registro.app.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.axon.ProcessorSupervisor;
import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;
import it.registro.domain.body.api.RecordComposition;
import it.registro.domain.body.api.SeatEntry;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.session.api.ConveneSession;
import it.registro.domain.session.api.DeclareQuorum;
import it.registro.domain.session.api.OpenSession;
import it.registro.domain.session.api.QuorumDeclared;
import it.registro.domain.session.api.QuorumFigures;
import it.registro.domain.session.api.RecordArrival;
import it.registro.domain.session.api.SessionMode;
import it.registro.domain.session.api.TimePrecision;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 #3: a session command is judged on the body's own record, never on a read model that may lag.
 * The read models are stopped outright while a composition of 101 seats is written and, the same instant,
 * a sitting is convened, attended by 51 and opened: the quorum counts the whole composition and its
 * population. Under the read-model answer (before) the body was not even found.
 */
@RegistroIntegrationTest
class ConsistentFactsTest {

    private static final String BODY = "consistent-facts";
    private static final int SEATS = 101;
    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProcessorSupervisor supervisor;

    private static org.axonframework.messaging.MetaData tester() {
        return it.registro.app.support.TestCaller.tester(BODY);
    }

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, LocalTime.of(hour, minute)).atZone(BusinessTime.ZONE).toInstant();
    }

    @Test
    @DisplayName("a composition of 101 seats written with the read models stopped: convened, attended and opened the same instant on all of it")
    void judgedOnTheWholeComposition() {
        Api api = new Api(port);
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < SEATS; i++) {
            String comune = "comune-cf-" + i;
            assertThat(api.postJson("/api/comuni", json(Map.of("id", comune, "name", "Comune CF " + i, "province", "BG"))).status())
                    .isEqualTo(201);
            assertThat(api.postJson("/api/comuni/" + comune + "/populations",
                    json(Map.of("population", 1000 + i, "referenceDate", "2024-01-01", "source", "FIXTURE"))).status()).isEqualTo(200);
            persons.add(api.postJson("/api/persons", json(Map.of("name", "Sindaco CF " + i))).json().get("id").asString());
        }
        assertThat(api.postJson("/api/bodies", """
                {"id":"%s","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST CF"},
                 "name":"Assemblea CF"}""".formatted(BODY)).status()).isEqualTo(201);

        List<StreamingEventProcessor> readModels = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        supervisor.stopOnPurpose(readModels);
        try {
            List<SeatEntry> seats = new ArrayList<>();
            for (int i = 0; i < SEATS; i++) {
                seats.add(new SeatEntry(SeatRole.MAYOR, "comune-cf-" + i, null, persons.get(i), null, "comune-cf-" + i));
            }
            commands.sendAndWait(new RecordComposition(BODY, new ActRef("ASST CF", "Decreto", "1", DAY.minusDays(1), null),
                    DAY.minusDays(1), true, seats), tester());
            commands.sendAndWait(new ConveneSession("cf-seduta", BODY, "1/25", null, null, null, null, DAY, LocalTime.of(10, 0),
                    SessionMode.IN_PERSON, null, null), tester());
            long population = 0;
            for (int i = 0; i < 51; i++) {
                commands.sendAndWait(new RecordArrival("cf-seduta", persons.get(SEATS - 1 - i), at(10, 0), TimePrecision.EXACT, null),
                        tester());
                population += 1000 + (SEATS - 1 - i);
            }
            commands.sendAndWait(new DeclareQuorum("cf-seduta", at(10, 1), null, null), tester());
            commands.sendAndWait(new OpenSession("cf-seduta", at(10, 1)), tester());

            QuorumFigures declared = eventStore.readEvents("cf-seduta").asStream()
                    .filter(e -> e.getPayload() instanceof QuorumDeclared).map(e -> ((QuorumDeclared) e.getPayload()).computed())
                    .findFirst().orElseThrow();
            assertThat(declared.members()).isEqualTo(SEATS);
            assertThat(declared.present()).isEqualTo(51);
            assertThat(declared.presentPopulation()).isEqualTo(population);
            assertThat(declared.met()).isTrue();
        } finally {
            supervisor.startAgain(readModels);
        }
    }
}
