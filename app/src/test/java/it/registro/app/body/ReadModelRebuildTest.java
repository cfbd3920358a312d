package it.registro.app.body;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;
import it.registro.projections.body.BodyView;
import it.registro.projections.comune.ComuneView;
import it.registro.projections.person.PersonView;
import it.registro.projections.session.SessionView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Read models are derived data: reset them, replay every event, and they are exactly what they were. */
@RegistroIntegrationTest
class ReadModelRebuildTest {

    @Autowired
    it.registro.app.axon.ProcessorSupervisor supervisor;

    private static final List<String> PROCESSORS = List.of(it.registro.app.axon.AxonConfiguration.READ_MODELS,
            it.registro.app.axon.AxonConfiguration.AUDIT_TRAIL);
    private static final List<String> COLLECTIONS = List.of(BodyView.COLLECTION, PersonView.COLLECTION,
            ComuneView.COLLECTION, SessionView.COLLECTION, it.registro.projections.act.ActView.COLLECTION,
            it.registro.projections.act.CitationView.COLLECTION, it.registro.projections.poas.PoasView.COLLECTION,
            it.registro.projections.poas.UnitView.COLLECTION, it.registro.projections.audit.AuditProjection.COLLECTION,
            it.registro.projections.proceeding.ProceedingTypeView.COLLECTION,
            it.registro.projections.proceeding.ProceedingView.COLLECTION, it.registro.projections.proceeding.UnitClosureView.COLLECTION);

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase database;

    @Test
    @DisplayName("reset and replay of every projection gives identical documents")
    void rebuildGivesTheSameReadModels() {
        Api api = new Api(port);
        api.postJson("/api/comuni", "{\"id\":\"comune-rebuild\",\"name\":\"Rebuild\",\"province\":\"CR\"}");
        api.postJson("/api/comuni/comune-rebuild/populations",
                "{\"population\":1234,\"referenceDate\":\"2024-01-01\",\"source\":\"ISTAT (FIXTURE)\"}");
        String p1 = api.postJson("/api/persons", "{\"name\":\"Uno Rebuild\"}").json().get("id").asString();
        String p2 = api.postJson("/api/persons", "{\"name\":\"Due Rebuild\"}").json().get("id").asString();
        api.postJson("/api/persons/" + p1 + "/aliases", "{\"alias\":\"UNO R.\",\"source\":\"slide\"}");
        for (int i = 0; i < 3; i++) {
            api.postJson("/api/bodies", """
                    {"id":"rebuild-%d","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Rebuild"},
                     "name":"Assemblea %d"}""".formatted(i, i));
        }
        api.postJson("/api/bodies/rebuild-0/rename",
                "{\"name\":\"Assemblea zero\",\"reason\":\"r\",\"effectiveFrom\":\"2024-01-01\"}");
        assertThat(api.postJson("/api/bodies/rebuild-0/compositions", """
                {"act":{"citation":"Decreto 9001/2024"},"effectiveFrom":"2024-01-10","renewal":true,"seats":[
                 {"role":"MAYOR","constituency":"comune-rebuild","personId":"%s","comuneId":"comune-rebuild"}]}""".formatted(p1))
                .status()).isEqualTo(200);
        api.postJson("/api/bodies/rebuild-0/officers",
                "{\"office\":\"PRESIDENT\",\"personId\":\"%s\",\"at\":\"2024-02-01T10:00\"}".formatted(p1));
        api.postJson("/api/bodies/rebuild-0/delegations", """
                {"seatId":"mayor-comune-rebuild","delegatePersonId":"%s","from":"2024-03-01T09:00","to":"2024-03-01T13:00",
                 "letterRef":"l"}""".formatted(p2));
        String session = "/api/sessions/" + api.postJson("/api/sessions",
                "{\"bodyId\":\"rebuild-0\",\"date\":\"2024-03-02\",\"number\":\"9001/24\"}").json().get("id").asString();
        // the day after the delegation, so p1 votes for the seat himself
        ok(api.postJson(session + "/agenda", "{\"itemNo\":1,\"kind\":\"DELIBERATION\",\"title\":\"Voto (FIXTURE)\"}"));
        ok(api.postJson(session + "/arrivals", "{\"personId\":\"%s\",\"at\":\"2024-03-02T09:30\"}".formatted(p1)));
        ok(api.postJson(session + "/open", "{\"at\":\"2024-03-02T09:30\"}"));
        ok(api.postJson(session + "/votes", "{\"itemNo\":1,\"at\":\"2024-03-02T09:40\",\"mode\":\"OPEN_COUNTS\","
                + "\"tally\":{\"inFavour\":1,\"against\":0,\"abstained\":0}}"));
        ok(api.postJson(session + "/close", "{\"at\":\"2024-03-02T10:00\"}"));
        api.postJson("/api/bodies", """
                {"id":"rebuild-dg","kind":"DIRETTORE_GENERALE","agency":{"kind":"ASST","name":"ASST Rebuild"},"name":"DG Rebuild"}""");
        ok(api.postJson("/api/acts", "{\"issuerBodyId\":\"rebuild-dg\",\"type\":\"DECRETO\",\"number\":\"1\",\"date\":\"2024-01-02\"}"), 201);
        ok(api.postJson("/api/acts", "{\"issuerBodyId\":\"rebuild-dg\",\"type\":\"DECRETO\",\"number\":\"2\",\"date\":\"2024-02-02\"}"), 201);
        ok(api.postJson("/api/acts/rebuild-dg-decreto-2-2024/references",
                "{\"kind\":\"REVOKES\",\"targetActId\":\"rebuild-dg-decreto-1-2024\"}"));
        // the revocation reaches the revoked act through the reference sync: take the snapshot once it has
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/acts/rebuild-dg-decreto-1-2024?asOf=2024-03-01").json().get("state").asString().equals("REVOKED"));
        ok(api.postJson("/api/poas", "{\"id\":\"poas-rebuild\",\"agencyName\":\"ASST Rebuild\",\"period\":\"2024-2026\"}"), 201);
        ok(api.postJson("/api/poas/poas-rebuild/adoption", "{\"actId\":\"rebuild-dg-decreto-2-2024\",\"on\":\"2024-02-02\"}"));
        ok(api.postJson("/api/poas/poas-rebuild/submission", "{\"on\":\"2024-02-03\"}"));
        ok(api.postJson("/api/units/existing", "{\"agency\":\"ASST Rebuild\",\"type\":\"SS\",\"code\":\"2\",\"name\":\"Old\"}"), 201);
        ok(api.postJson("/api/units/existing", "{\"agency\":\"ASST Rebuild\",\"type\":\"FUN\",\"code\":\"3\",\"name\":\"Fn\","
                + "\"refersToUnitId\":\"unit-asst-rebuild-ss-2-staff\"}"), 201);
        ok(api.postJson("/api/units/activations", "{\"agency\":\"ASST Rebuild\",\"type\":\"SC\",\"code\":\"1\",\"name\":\"New\","
                + "\"effectiveRule\":\"ON_APPROVAL\",\"actId\":\"rebuild-dg-decreto-2-2024\",\"poasId\":\"poas-rebuild\"}"), 201);
        // a proceeding type naming the unit about to close, and a proceeding of it: suspended, escalated, one more concluded
        String procType = api.postJson("/api/proceeding-types", """
                {"agency":{"kind":"ASST","name":"ASST Rebuild"},"validFrom":"2024-01-01","name":"Accesso agli atti","area":"AG",
                 "inquiryUnit":{"unitId":"unit-asst-rebuild-ss-2-staff","asRecorded":"S.S. Old"},"termText":"30 giorni",
                 "silenceAssent":false,"substitutePowerHolder":"Direttore Amministrativo"}""").json().get("id").asString();
        String proc = api.postJson("/api/proceedings", "{\"proceedingTypeId\":\"" + procType
                + "\",\"basis\":\"REQUEST\",\"on\":\"2024-02-05\",\"protocolNumber\":\"1/2024\"}").json().get("id").asString();
        ok(api.postJson("/api/proceedings/" + proc + "/suspensions", "{\"reason\":\"r\",\"from\":\"2024-02-10\",\"to\":\"2024-02-14\"}"));
        ok(api.postJson("/api/proceedings/" + proc + "/inertia", "{\"on\":\"2024-04-01\"}"));
        String done = api.postJson("/api/proceedings", "{\"proceedingTypeId\":\"" + procType
                + "\",\"basis\":\"EX_OFFICIO\",\"on\":\"2024-02-06\"}").json().get("id").asString();
        ok(api.postJson("/api/proceedings/" + done + "/conclusion", "{\"on\":\"2024-03-20\",\"actId\":\"rebuild-dg-decreto-2-2024\"}"));
        ok(api.postJson("/api/units/unit-asst-rebuild-ss-2-staff/closure",
                "{\"lastDay\":\"2024-12-31\",\"actId\":\"rebuild-dg-decreto-2-2024\",\"poasId\":\"poas-rebuild\"}"));
        ok(api.postJson("/api/proceeding-types/" + procType + "/reassignments", "{\"fromUnitId\":\"unit-asst-rebuild-ss-2-staff\","
                + "\"toUnit\":{\"unitId\":\"unit-asst-rebuild-sc-1-staff\"},\"actId\":\"rebuild-dg-decreto-2-2024\",\"effectiveFrom\":\"2025-01-01\"}"));
        ok(api.postJson("/api/units/unit-asst-rebuild-sc-1-staff/predecessors",
                "{\"predecessorUnitId\":\"unit-asst-rebuild-ss-2-staff\",\"kind\":\"UPGRADE\",\"basis\":\"STATED\"}"));
        ok(api.postJson("/api/poas/poas-rebuild/approval", "{\"actId\":\"rebuild-dg-decreto-1-2024\"}"));
        ok(api.postJson("/api/poas/poas-rebuild/approval/date", "{\"actId\":\"rebuild-dg-decreto-1-2024\",\"on\":\"2024-03-01\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/units/unit-asst-rebuild-sc-1-staff").json()
                .get("unit").get("activation").get("date").asString().equals("2024-03-01"));
        ok(api.postJson("/api/citations", "{\"text\":\"decreto n. 2/2024\",\"source\":\"FIXTURE\"}"), 201);
        // every event in every read model first: each answer above waited only for its own read model
        long events = new it.registro.app.support.EventCounter(mongoClient, database).total();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongoClient.getDatabase(database.name())
                .getCollection(it.registro.projections.audit.AuditProjection.COLLECTION).countDocuments() == events);
        Map<String, List<Document>> before = snapshot();
        assertThat(before.get(SessionView.COLLECTION)).isNotEmpty();
        assertThat(before.get(BodyView.COLLECTION)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(before.get(PersonView.COLLECTION)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(before.get(it.registro.projections.poas.UnitView.COLLECTION)).hasSize(3);
        assertThat(before.get(it.registro.projections.proceeding.ProceedingView.COLLECTION)).hasSize(2);
        assertThat(before.get(it.registro.projections.proceeding.UnitClosureView.COLLECTION)).hasSize(1);

        supervisor.whileHeld(() -> {
            for (String name : PROCESSORS) {
                StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
                processor.shutDown();
                processor.resetTokens();
            }
            assertThat(snapshot().values()).as("the reset handlers empty the read models").allMatch(List::isEmpty);
            PROCESSORS.forEach(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow().start());
            return null;
        });

        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> snapshot().equals(before));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Map<String, List<Document>> after = snapshot();
            for (String collection : COLLECTIONS) {
                assertThat(after.get(collection)).as("collection %s after the rebuild", collection).isEqualTo(before.get(collection));
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private static void ok(Api.Response r) {
        ok(r, 200);
    }

    private static void ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            all.put(collection, mongoClient.getDatabase(database.name()).getCollection(collection)
                    .find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }
}
