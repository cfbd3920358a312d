package it.registro.app.proceeding;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proceedings of seed 003's types over REST: due dates per kind of term on the Italian calendar,
 * suspension, inertia and the substitute power, access requests to minutes and acts, the unit-closure
 * report when a POAS act closes a responsible unit, and the reports. Requests, protocol numbers and
 * dates are FIXTURE; the types and their terms are the table's rows (row number, seed lines).
 */
@ScenarioTest
class ProceedingLifecycleScenarioTest {

    static final String AGL = CatalogueImportScenarioTest.AGL_UNIT;
    static final String NEW_AGL = "unit-asst-crema-sc-fixture-agl2-staff";
    static final String ACT = "dg-asst-crema-decreto-1-2025";
    static final String POAS_ACT = "dg-asst-crema-decreto-2-2025";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    EventCounter events;
    final Map<Integer, String> type = new HashMap<>();
    String session;
    String accessType;

    private static void ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }

    private String open(Map<String, Object> body) {
        Api.Response r = api.postJson("/api/proceedings", json(body));
        ok(r, 201);
        return r.json().get("id").asString();
    }

    private JsonNode proceeding(String id) {
        return api.get("/api/proceedings/" + id).json();
    }

    private static Map<String, Object> request(String typeId, String on, String protocol) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proceedingTypeId", typeId);
        m.put("basis", "REQUEST");
        m.put("on", on);
        m.put("protocolNumber", protocol);
        return m;
    }

    /** A refusal: problem+json with its code and field, and no event stored. */
    private void refused(Api.Response r, int status, String code, String field, long eventsBefore) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(r.json().get("field").asString()).isEqualTo(field);
        }
        assertThat(events.total()).as("a refusal stores nothing").isEqualTo(eventsBefore);
    }

    @BeforeAll
    void setUp() {
        api = new Api(port);
        events = new EventCounter(mongoClient, storeDatabase);
        ok(api.postJson("/api/units/existing", json(Map.of("agency", "ASST Crema", "type", "SC", "code", "FIXTURE-AGL",
                "name", "AFFARI GENERALI E LEGALI", "source", "FIXTURE"))), 201);
        ok(api.postJson("/api/bodies", """
                {"id":"dg-asst-crema","kind":"DIRETTORE_GENERALE","agency":{"kind":"ASST","name":"ASST Crema"},"name":"Direttore Generale ASST Crema"}"""), 201);
        ok(api.postJson("/api/acts", "{\"issuerBodyId\":\"dg-asst-crema\",\"type\":\"DECRETO\",\"number\":\"1\",\"date\":\"2025-03-10\"}"), 201);
        ok(api.postJson("/api/acts", "{\"issuerBodyId\":\"dg-asst-crema\",\"type\":\"DECRETO\",\"number\":\"2\",\"date\":\"2025-09-15\"}"), 201);
        ok(api.postJson("/api/units/activations", json(Map.of("agency", "ASST Crema", "type", "SC", "code", "FIXTURE-AGL2",
                "name", "AFFARI GENERALI, LEGALI E PRIVACY", "effectiveRule", "DATE", "effectiveFrom", "2026-01-01", "actId", POAS_ACT))), 201);
        // rows 1 and 6 (Affari Generali, "30 giorni", L20-100 and L690-762), 16 (Codice degli appalti), 24 (scadenza del contratto),
        // 38 (non previsto), 69 (30/04 dell'anno successivo), 91 (24 ore), 98 (3 gg lavorativi)
        List<Map<String, String>> rows = ProceedingTable.rows();
        for (int n : new int[]{1, 6, 16, 24, 38, 69, 91, 98}) {
            Api.Response r = api.postJson("/api/proceeding-types", json(CatalogueImportScenarioTest.typeRequest(rows.get(n - 1))));
            ok(r, 201);
            type.put(n, r.json().get("id").asString());
        }
        // an access request to a mayors' body's minutes: a type of ATS Val Padana modelled on row 6 (FIXTURE)
        ok(api.postJson("/api/bodies", """
                {"id":"collegio-dei-sindaci-ats-val-padana","kind":"COLLEGIO_DEI_SINDACI","agency":{"kind":"ATS","name":"ATS Val Padana"},
                 "name":"Collegio dei Sindaci ATS Val Padana"}"""), 201);
        Api.Response convened = api.postJson("/api/sessions", "{\"bodyId\":\"collegio-dei-sindaci-ats-val-padana\",\"date\":\"2024-10-18\",\"number\":\"1/24\"}");
        ok(convened, 201);
        session = convened.json().get("id").asString();
        Api.Response access = api.postJson("/api/proceeding-types", json(Map.of("agency", Map.of("kind", "ATS", "name", "ATS Val Padana"),
                "validFrom", "2024-01-01", "name", "Accesso agli atti documentale/civico", "area", "AFFARI GENERALI E LEGALI",
                "inquiryUnit", Map.of("asRecorded", "S.C. Affari Generali e Legali"), "termText", "30 giorni", "silenceAssent", false,
                "substitutePowerHolder", "Direttore Amministrativo", "source", "FIXTURE after seed 003 row 6")));
        ok(access, 201);
        accessType = access.json().get("id").asString();
    }

    @Test
    @DisplayName("due dates: 30 days over Ferragosto, 3 working days over Christmas and over Easter Monday, 24 hours, 30/04 of the next year, event, external, none")
    void dueDates() {
        // 16 July + 30 = Friday 15 August (Ferragosto): Monday 18
        assertThat(proceeding(open(request(type.get(1), "2025-07-16", "FIXTURE-1/2025"))).get("dueOn").asString()).isEqualTo("2025-08-18");
        // Tue 23 Dec 2025 + 3 working days: 24, (25, 26, weekend), 29, 30
        assertThat(proceeding(open(request(type.get(98), "2025-12-23", "FIXTURE-2/2025"))).get("dueOn").asString()).isEqualTo("2025-12-30");
        // Thu 2 Apr 2026 + 3 working days: 3, (weekend, Easter Monday 6), 7, 8
        assertThat(proceeding(open(request(type.get(98), "2026-04-02", "FIXTURE-2/2026"))).get("dueOn").asString()).isEqualTo("2026-04-08");
        Map<String, Object> hours = request(type.get(91), "2025-06-03", "FIXTURE-3/2025");
        hours.put("at", "10:15");
        assertThat(LocalDateTime.parse(proceeding(open(hours)).get("dueAt").asString())).isEqualTo(LocalDateTime.of(2025, 6, 4, 10, 15));
        assertThat(proceeding(open(request(type.get(69), "2025-06-10", "FIXTURE-4/2025"))).get("dueOn").asString()).isEqualTo("2026-04-30");
        Map<String, Object> event = request(type.get(24), "2025-06-01", "FIXTURE-5/2025");
        event.put("triggerDate", "2025-09-30");
        assertThat(proceeding(open(event)).get("dueOn").asString()).isEqualTo("2025-09-30");
        long before = events.total();
        refused(api.postJson("/api/proceedings", json(request(type.get(16), "2025-06-01", "FIXTURE-6/2025"))), 422, "FIELD_REQUIRED", "dueOn", before);
        Map<String, Object> external = request(type.get(16), "2025-06-01", "FIXTURE-6/2025");
        external.put("dueOn", "2025-09-05");
        assertThat(proceeding(open(external)).get("dueOn").asString()).isEqualTo("2025-09-05");
        JsonNode none = proceeding(open(request(type.get(38), "2025-06-01", "FIXTURE-7/2025")));
        assertThat(none.get("dueOn").isNull()).isTrue();
        assertThat(none.get("term").get("kind").asString()).isEqualTo("NOT_SET");
    }

    @Test
    @DisplayName("a suspension of 10 days moves the due date; 31 days is SUSPENSION_TOO_LONG and a second one SUSPENSION_ALREADY_USED")
    void suspension() {
        String id = open(request(type.get(1), "2025-06-03", "FIXTURE-10/2025"));
        assertThat(proceeding(id).get("dueOn").asString()).isEqualTo("2025-07-03");
        long before = events.total();
        refused(api.postJson("/api/proceedings/" + id + "/suspensions", "{\"reason\":\"integrazioni\",\"from\":\"2025-06-10\",\"to\":\"2025-07-10\"}"),
                422, "SUSPENSION_TOO_LONG", "to", before);
        ok(api.postJson("/api/proceedings/" + id + "/suspensions", "{\"reason\":\"integrazioni\",\"from\":\"2025-06-10\",\"to\":\"2025-06-19\"}"), 200);
        JsonNode p = proceeding(id);
        assertThat(p.get("dueOn").asString()).isEqualTo("2025-07-14"); // 13 July 2025 is a Sunday
        assertThat(p.get("originalDueOn").asString()).isEqualTo("2025-07-03");
        assertThat(p.get("suspensions").get(0).get("days").asInt()).isEqualTo(10);
        before = events.total();
        refused(api.postJson("/api/proceedings/" + id + "/suspensions", "{\"reason\":\"altro\",\"from\":\"2025-06-25\",\"to\":\"2025-06-26\"}"),
                409, "SUSPENSION_ALREADY_USED", null, before);
    }

    @Test
    @DisplayName("inertia: not before the due date; after it, the holder of the substitute power has half the term (15 of 30 days)")
    void escalation() {
        String id = open(request(type.get(6), "2025-06-03", "FIXTURE-20/2025"));
        long before = events.total();
        refused(api.postJson("/api/proceedings/" + id + "/inertia", "{\"on\":\"2025-07-03\"}"), 422, "NOT_OVERDUE", "on", before);
        JsonNode overdue = api.get("/api/proceedings/overdue?agency=ASST%20Crema&asOf=2025-07-10").json();
        assertThat(overdue.get("units").findValues("proceedingId").stream().map(JsonNode::asString)).contains(id);
        // issue 22 #3: the same, as a page with its date
        Api.Response page = api.get("/web/proceedings?agency=ASST%20Crema&asOf=2025-07-10", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Procedimenti aperti al 10 luglio 2025", "scaduto", "Scaduti per struttura");
        ok(api.postJson("/api/proceedings/" + id + "/inertia", "{\"on\":\"2025-07-10\"}"), 200);
        JsonNode p = proceeding(id);
        assertThat(p.get("escalation").get("holder").asString()).isEqualTo("Direttore Dipartimento Amministrativo");
        assertThat(p.get("escalation").get("halfTerm").get("amount").asInt()).isEqualTo(15);
        assertThat(p.get("escalation").get("substituteDueOn").asString()).isEqualTo("2025-07-25");
        before = events.total();
        refused(api.postJson("/api/proceedings/" + id + "/inertia", "{\"on\":\"2025-07-11\"}"), 409, "ALREADY_ESCALATED", null, before);
        ok(api.postJson("/api/proceedings/" + id + "/conclusion", "{\"on\":\"2025-07-24\",\"actId\":\"" + ACT + "\"}"), 200);
        JsonNode concluded = proceeding(id);
        assertThat(concluded.get("status").asString()).isEqualTo("CONCLUDED");
        assertThat(concluded.get("conclusion").get("late").asBoolean()).isTrue();
        assertThat(concluded.get("conclusion").get("daysLate").asLong()).isEqualTo(21);
        assertThat(concluded.get("conclusion").get("bySubstitute").asBoolean()).isTrue();
        assertThat(concluded.get("conclusion").get("substituteLate").asBoolean()).isFalse();
        List<String> kinds = new ArrayList<>();
        concluded.get("history").forEach(h -> kinds.add(h.get("kind").asString()));
        assertThat(kinds).containsExactly("OPENED", "INERTIA", "SUBSTITUTE_POWER_INVOKED", "CONCLUDED");
    }

    @Test
    @DisplayName("bad input: unknown type, conclusion before opening, unreadable or incomplete term → 4xx problem+json, no event")
    void badInput() {
        long before = events.total();
        refused(api.postJson("/api/proceedings", json(request("no-such-type", "2025-03-01", "X/1"))), 404, "UNKNOWN_PROCEEDING_TYPE",
                "proceedingTypeId", before);
        String id = open(request(type.get(1), "2025-05-20", "FIXTURE-30/2025"));
        before = events.total();
        refused(api.postJson("/api/proceedings/" + id + "/conclusion", "{\"on\":\"2025-05-19\",\"note\":\"risposta\"}"), 422,
                "CONCLUSION_BEFORE_OPENING", "on", before);
        Map<String, Object> bad = CatalogueImportScenarioTest.typeRequest(ProceedingTable.rows().get(7)); // row 8: three phases
        refused(api.postJson("/api/proceeding-types", json(bad)), 422, "TERM_UNPARSEABLE", "termText", before);
        bad.put("term", Map.of("kind", "WORKING_DAYS"));
        refused(api.postJson("/api/proceeding-types", json(bad)), 422, "TERM_UNPARSEABLE", "term.amount", before);
        bad.put("term", Map.of("kind", "CALENDAR_DATE", "month", 2, "day", 30));
        refused(api.postJson("/api/proceeding-types", json(bad)), 422, "TERM_UNPARSEABLE", "term.day", before);
        refused(api.postJson("/api/proceedings/" + id + "/conclusion", "{\"on\":\"2025-05-21\",\"actId\":\"no-such-act\"}"), 422,
                "UNKNOWN_ACT", "actId", before);
    }

    @Test
    @DisplayName("an access request to a session's minutes is a proceeding of the catalogue, linked to the session")
    void accessRequest() {
        Map<String, Object> body = request(accessType, "2024-11-04", "FIXTURE-90001/24");
        body.put("subject", Map.of("kind", "SESSION", "id", session));
        body.put("requester", "FIXTURE richiedente");
        String id = open(body);
        JsonNode p = proceeding(id);
        assertThat(p.get("subjectKind").asString()).isEqualTo("SESSION");
        assertThat(p.get("dueOn").asString()).isEqualTo("2024-12-04");
        JsonNode list = api.get("/api/proceedings/access-requests?kind=SESSION&id=" + session).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString()).isEqualTo(id);
        long before = events.total();
        body.put("subject", Map.of("kind", "SESSION", "id", "no-such-session"));
        refused(api.postJson("/api/proceedings", json(body)), 404, "UNKNOWN_SESSION", "subject.id", before);
        body.put("subject", Map.of("kind", "ACT", "id", ACT));
        assertThat(proceeding(open(body)).get("subjectId").asString()).isEqualTo(ACT);
    }

    @Test
    @DisplayName("a POAS act closing the Affari Generali unit reports the 2 types and the open proceeding naming it; each is reassigned under the act")
    void unitClosure() {
        String open = open(request(type.get(1), "2025-09-01", "FIXTURE-40/2025"));
        String done = open(request(type.get(1), "2025-08-01", "FIXTURE-41/2025"));
        ok(api.postJson("/api/proceedings/" + done + "/conclusion", "{\"on\":\"2025-08-20\",\"note\":\"risposta\"}"), 200);
        ok(api.postJson("/api/units/" + AGL + "/closure", json(Map.of("lastDay", "2025-12-31", "actId", POAS_ACT,
                "rawText", "FIXTURE: Da Chiudere 31/12/2025"))), 200);
        JsonNode report = api.get("/api/units/" + AGL + "/proceedings").json();
        assertThat(report.get("actId").asString()).isEqualTo(POAS_ACT);
        List<String> items = new ArrayList<>();
        report.get("items").forEach(i -> items.add(i.get("proceedingId").asString() + " " + i.get("scope").asString() + " " + i.get("role").asString()));
        // both roles of rows 1 and 6 (inquiry and final act are the same unit) and of the open proceeding; the concluded one is not named.
        // Other open proceedings of row 1 and 6 made by the other tests of this class may be listed too.
        assertThat(items).contains(type.get(1) + " TYPE INQUIRY", type.get(1) + " TYPE FINAL_ACT", type.get(6) + " TYPE INQUIRY",
                type.get(6) + " TYPE FINAL_ACT", open + " INSTANCE INQUIRY", open + " INSTANCE FINAL_ACT");
        assertThat(items).noneMatch(i -> i.startsWith(done));
        long pending = report.get("pending").asLong();
        assertThat(pending).isEqualTo(items.size());

        Map<String, Object> reassign = Map.of("fromUnitId", AGL, "toUnit", Map.of("unitId", NEW_AGL, "asRecorded",
                "S.C. Affari Generali, Legali e Privacy"), "actId", POAS_ACT, "effectiveFrom", "2026-01-01");
        ok(api.postJson("/api/proceeding-types/" + type.get(1) + "/reassignments", json(reassign)), 200);
        ok(api.postJson("/api/proceedings/" + open + "/reassignments", json(reassign)), 200);
        report = api.get("/api/units/" + AGL + "/proceedings").json();
        assertThat(report.get("pending").asLong()).isEqualTo(pending - 4);
        report.get("items").forEach(i -> {
            if (i.get("proceedingId").asString().equals(type.get(1))) {
                assertThat(i.get("reassignedByActId").asString()).isEqualTo(POAS_ACT);
                assertThat(i.get("reassignedTo").get("unitId").asString()).isEqualTo(NEW_AGL);
            }
        });
        JsonNode t = api.get("/api/proceeding-types/" + type.get(1)).json();
        assertThat(t.get("versions")).hasSize(2);
        assertThat(t.get("versions").get(1).get("validFrom").asString()).isEqualTo("2026-01-01");
        assertThat(t.get("versions").get(1).get("inquiryUnit").get("unitId").asString()).isEqualTo(NEW_AGL);
        assertThat(t.get("reassignments").get(0).get("actId").asString()).isEqualTo(POAS_ACT);
        // the catalogue as of 2025 still names the old unit, as of 2026 the new one
        assertThat(api.get("/api/proceeding-types?agency=ASST%20Crema&asOf=2025-12-31").json().findValues("unitId").stream()
                .map(JsonNode::asString)).contains(AGL);
        JsonNode p = proceeding(open);
        assertThat(p.get("inquiryUnit").get("unitId").asString()).isEqualTo(NEW_AGL);
        assertThat(p.get("history").get(p.get("history").size() - 1).get("actId").asString()).isEqualTo(POAS_ACT);
        long before = events.total();
        refused(api.postJson("/api/proceedings/" + open + "/reassignments", json(reassign)), 422, "UNIT_NOT_NAMED", "fromUnitId", before);
    }

    @Test
    @DisplayName("the yearly report counts proceedings concluded late in the year by type and unit, due by 30 January")
    void lateReport() {
        // ATS Val Padana's access type (30 days), in force from 2024: 1 March + 30 = Sunday 31 March 2024, Easter; Monday 1 April,
        // Easter Monday: due Tuesday 2 April
        String late = open(request(accessType, "2024-03-01", "FIXTURE-50/2024"));
        assertThat(proceeding(late).get("dueOn").asString()).isEqualTo("2024-04-02");
        String inTime = open(request(accessType, "2024-03-04", "FIXTURE-51/2024"));
        ok(api.postJson("/api/proceedings/" + late + "/conclusion", "{\"on\":\"2024-04-05\",\"note\":\"esito\"}"), 200);
        ok(api.postJson("/api/proceedings/" + inTime + "/conclusion", "{\"on\":\"2024-03-20\",\"note\":\"esito\"}"), 200);
        JsonNode report = api.get("/api/proceedings/late-report?agency=ATS%20Val%20Padana&year=2024").json();
        assertThat(report.get("dueBy").asString()).isEqualTo("2025-01-30");
        assertThat(report.get("concluded").asInt()).isEqualTo(2);
        assertThat(report.get("late").asInt()).isEqualTo(1);
        assertThat(report.get("rows")).hasSize(1);
        JsonNode row = report.get("rows").get(0);
        assertThat(row.get("proceedingTypeId").asString()).isEqualTo(accessType);
        assertThat(row.get("concluded").asInt()).isEqualTo(2);
        assertThat(row.get("late").asInt()).isEqualTo(1);
        assertThat(row.get("maxDaysLate").asLong()).isEqualTo(3);
        Api.Response csv = api.get("/api/proceedings/late-report.csv?agency=ATS%20Val%20Padana&year=2024", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body().lines().toList().get(1)).startsWith(accessType + ";").endsWith(";2;1;3;3");
        assertThat(api.get("/api/proceedings/late-report?agency=ATS%20Val%20Padana&year=2023").json().get("rows")).isEmpty();
    }
}
