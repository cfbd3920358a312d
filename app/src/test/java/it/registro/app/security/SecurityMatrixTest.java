package it.registro.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.RegistroIntegrationTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every role: allowed (the request reaches its rule and is judged on its merits)
 * or denied (401 for the anonymous, 403 otherwise, and no event stored). "clerk" is the secretariat
 * of matrix-body, "other-clerk" of another body.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {

    static final List<String> ROLES = List.of("anonymous", "mayor", "auditor", "clerk", "other-clerk", "admin");
    static final Set<String> READERS = Set.of("mayor", "auditor", "clerk", "other-clerk", "admin");

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    static final String ACT = "matrix-body-deliberazione-0-2024";
    String session;
    String person;

    record Row(String method, String path, String body, Set<String> allowed) {
    }

    private final Map<String, Api> clients = new java.util.HashMap<>();

    private Api api(String role) {
        return clients.computeIfAbsent(role, r -> r.equals("anonymous") ? Api.anonymous(port) : Api.as(port, r));
    }

    @BeforeAll
    void setUp() {
        Api admin = api("admin");
        assertThat(admin.postJson("/api/bodies", """
                {"id":"matrix-body","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Matrix"},"name":"Conferenza Matrix"}""")
                .status()).isEqualTo(201);
        assertThat(admin.postJson("/api/bodies", """
                {"id":"other-body","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Other"},"name":"Conferenza Other"}""")
                .status()).isEqualTo(201);
        person = admin.postJson("/api/persons", "{\"name\":\"Sindaco Matrix\"}").json().get("id").asString();
        assertThat(admin.postJson("/api/bodies/matrix-body/compositions", """
                {"act":{"citation":"Decreto 9001/2024"},"effectiveFrom":"2024-01-01","seats":[
                 {"role":"MAYOR","constituency":"comune-matrix","personId":"%s"}]}""".formatted(person)).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/acts", "{\"issuerBodyId\":\"matrix-body\",\"type\":\"DELIBERAZIONE\",\"number\":\"0\",\"date\":\"2024-01-15\"}")
                .status()).isEqualTo(201);
        Api.Response convened = api("clerk").postJson("/api/sessions", "{\"bodyId\":\"matrix-body\",\"date\":\"2024-06-01\"}");
        assertThat(convened.status()).as(convened.body()).isEqualTo(201);
        session = "/api/sessions/" + convened.json().get("id").asString();
    }

    private List<Row> rows() {
        Set<String> all = READERS;
        Set<String> adminOnly = Set.of("admin");
        Set<String> bodyOperators = Set.of("admin", "clerk");
        Set<String> registrars = Set.of("admin", "clerk", "other-clerk");
        Set<String> sessionClerk = Set.of("clerk");
        Set<String> auditors = Set.of("auditor", "admin");
        List<Row> rows = new ArrayList<>();
        // reads
        for (String path : List.of("/api/bodies", "/api/bodies/matrix-body", "/api/bodies/matrix-body/composition?asOf=2024-06-01",
                "/api/bodies/matrix-body/officers?at=2024-06-01T10:00", "/api/bodies/matrix-body/delegations?at=2024-06-01T10:00",
                "/api/bodies/matrix-body/rule-set?asOf=2024-06-01", "/api/persons?name=Sindaco", "/api/persons/" + "nobody",
                "/api/comuni/comune-none", session, session + "/attendance", session + "/present?at=2024-06-01T10:00",
                session + "/quorum?at=2024-06-01T10:00", session + "/chair?at=2024-06-01T10:00", session + "/votes",
                session + "/discrepancies", "/api/sessions?body=matrix-body", "/api/ratifications/pending?agency=ASST%20Matrix")) {
            rows.add(new Row("GET", path, null, all));
        }
        // unpublished minutes: signed-in readers only (published ones are public: see SecurityBehaviourTest)
        rows.add(new Row("GET", session + "/minutes", null, all));
        rows.add(new Row("GET", session + "/minutes.html", null, all));
        rows.add(new Row("GET", "/api/security/denials", null, auditors));
        rows.add(new Row("GET", "/api/acts?issuer=matrix-body", null, all));
        rows.add(new Row("GET", "/api/acts/" + ACT, null, all));
        // acts: an administrator, or the secretariat of the issuing body
        Set<String> actRecorders = Set.of("admin", "clerk");
        rows.add(new Row("POST", "/api/acts", "{\"issuerBodyId\":\"matrix-body\",\"type\":\"DELIBERAZIONE\",\"number\":\"1\",\"date\":\"2024-02-01\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/opinions", "{\"givenBy\":\"x\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/consultations", "{\"consulted\":\"x\",\"kind\":\"HEARD\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/adoption", "{\"on\":\"2024-01-10\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/submissions", "{\"to\":\"x\",\"on\":\"2024-01-20\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/executability", "{\"on\":\"2024-01-01\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/publications", "{\"where\":\"albo\",\"from\":\"2024-01-01\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/effects", "{\"from\":\"2024-01-01\"}", actRecorders));
        rows.add(new Row("POST", "/api/acts/" + ACT + "/references", "{\"kind\":\"CITES\",\"targetActId\":\"none\"}", actRecorders));
        // POAS: an administrator
        rows.add(new Row("GET", "/api/poas/none", null, all));
        rows.add(new Row("GET", "/api/poas?agency=ASST%20Matrix", null, all));
        rows.add(new Row("GET", "/api/poas/deadlines?agency=ASST%20Matrix&asOf=2024-01-01", null, all));
        rows.add(new Row("POST", "/api/poas", "{\"agencyName\":\"ASST Matrix\",\"period\":\"2024-2026\"}", adminOnly));
        for (String[] w : new String[][]{{"/steps", "{\"on\":\"2024-01-01\",\"step\":\"s\"}"},
                {"/adoption", "{\"actId\":\"none\",\"on\":\"2024-01-01\"}"}, {"/submission", "{\"on\":\"2024-01-01\"}"},
                {"/reviews", "{\"on\":\"2024-01-01\",\"outcome\":\"FAVOURABLE\"}"}, {"/approval", "{\"actId\":\"none\"}"},
                {"/approval/date", "{\"actId\":\"none\",\"on\":\"2024-01-01\"}"},
                {"/transposition", "{\"actId\":\"none\",\"on\":\"2024-01-01\"}"},
                {"/amendments", "{\"actId\":\"none\",\"on\":\"2024-01-01\"}"},
                {"/modifications", "{\"modificationId\":\"m1\",\"actId\":\"none\",\"on\":\"2024-01-01\"}"},
                {"/modifications/m1/submission", "{\"on\":\"2024-01-01\"}"},
                {"/modifications/m1/reviews", "{\"on\":\"2024-01-01\",\"outcome\":\"FAVOURABLE\"}"},
                {"/modifications/m1/approval", "{\"actId\":\"none\",\"on\":\"2024-01-01\"}"}}) {
            rows.add(new Row("POST", "/api/poas/poas-asst-matrix-2024-2026" + w[0], w[1], adminOnly));
        }
        // units and POAS changes: an administrator
        rows.add(new Row("GET", "/api/poas/poas-asst-matrix-2024-2026/changes", null, all));
        rows.add(new Row("GET", "/api/units?agency=ASST%20Matrix", null, all));
        rows.add(new Row("GET", "/api/units/none", null, all));
        rows.add(new Row("GET", "/api/units/chart?agency=ASST%20Matrix&asOf=2024-01-01", null, all));
        rows.add(new Row("GET", "/api/units/diff?agency=ASST%20Matrix&from=2024-01-01&to=2024-02-01", null, all));
        rows.add(new Row("GET", "/api/units/none/trail", null, all));
        rows.add(new Row("POST", "/api/units/existing", "{\"agency\":\"ASST Matrix\",\"type\":\"SC\",\"code\":\"1\",\"name\":\"U\"}", adminOnly));
        rows.add(new Row("POST", "/api/units/activations", "{\"agency\":\"ASST Matrix\",\"type\":\"SC\",\"code\":\"2\",\"name\":\"U\","
                + "\"effectiveRule\":\"DATE\",\"effectiveFrom\":\"2024-01-01\",\"actId\":\"none\"}", adminOnly));
        rows.add(new Row("POST", "/api/units/none/closure", "{\"lastDay\":\"2024-01-01\",\"actId\":\"none\"}", adminOnly));
        rows.add(new Row("POST", "/api/units/none/predecessors", "{\"predecessorUnitId\":\"x\",\"kind\":\"UPGRADE\",\"basis\":\"INFERRED\"}", adminOnly));
        rows.add(new Row("POST", "/api/units/none/placement", "{\"parentUnitId\":\"x\"}", adminOnly));
        rows.add(new Row("POST", "/api/units/none/moves", "{\"parentUnitId\":\"x\",\"effectiveFrom\":\"2024-01-01\",\"actId\":\"none\"}", adminOnly));
        rows.add(new Row("POST", "/api/units/none/renames", "{\"name\":\"N\",\"effectiveFrom\":\"2024-01-01\",\"actId\":\"none\"}", adminOnly));
        // the audit trail and the rebuild status: auditors and administrators (the rebuild itself: AuditApiTest)
        rows.add(new Row("GET", "/api/audit/events?size=5", null, auditors));
        rows.add(new Row("GET", "/api/audit/aggregates/matrix-body/history", null, auditors));
        rows.add(new Row("GET", "/api/audit/aggregates/matrix-body/as-recorded?at=2030-01-01T00:00:00Z", null, auditors));
        rows.add(new Row("GET", "/api/admin/rebuild", null, auditors));
        rows.add(new Row("GET", "/api/audit/checkpoints", null, auditors));
        rows.add(new Row("GET", "/api/audit/verification", null, auditors));
        rows.add(new Row("POST", "/api/audit/verification", "", auditors));
        rows.add(new Row("GET", "/api/audit/completeness", null, auditors));
        rows.add(new Row("GET", "/api/audit/bundle", null, auditors));
        rows.add(new Row("GET", "/api/audit/proofs/inclusion?eventId=none", null, auditors));
        rows.add(new Row("GET", "/api/audit/proofs/consistency?from=1&to=1", null, auditors));
        rows.add(new Row("POST", "/api/admin/checkpoints", "", adminOnly));
        rows.add(new Row("GET", "/api/audit/feed?limit=5", null, auditors)); // the stream variant stays open: AuditApiTest
        rows.add(new Row("GET", "/api/bodies/matrix-body/popolo", null, all));
        rows.add(new Row("GET", "/api/bodies/matrix-body/votes.csv", null, all));
        rows.add(new Row("GET", "/api/bodies/matrix-body/memberships.csv", null, all));
        rows.add(new Row("GET", "/api/poas/none/audit", null, all));
        rows.add(new Row("GET", "/api/poas/none/audit.csv", null, all));
        // proceedings: reads for every reader; the catalogue by an administrator, proceedings by an administrator or any secretariat
        for (String path : List.of("/api/proceeding-types?agency=ASST%20Matrix", "/api/proceeding-types/none",
                "/api/proceeding-types/unread-terms?agency=ASST%20Matrix", "/api/proceedings?agency=ASST%20Matrix",
                "/api/proceedings/none", "/api/proceedings/overdue?agency=ASST%20Matrix&asOf=2024-01-01",
                "/api/proceedings/late-report?agency=ASST%20Matrix&year=2024", "/api/proceedings/late-report.csv?agency=ASST%20Matrix&year=2024",
                "/api/proceedings/access-requests?kind=SESSION&id=none", "/api/units/none/proceedings")) {
            rows.add(new Row("GET", path, null, all));
        }
        // the web pages (asked for as HTML): the home page is public; a session's verbale and an act page are public
        // once published or adopted (these are not: see WebPagesAccessTest); the rest as the API; audit pages auditors only
        Set<String> everyone = new java.util.HashSet<>(ROLES);
        rows.add(new Row("GET", "/web", null, everyone));
        // the sign-in form and the albo are for everyone
        rows.add(new Row("GET", "/web/login", null, everyone));
        rows.add(new Row("GET", "/web/albo", null, everyone));
        String webSession = session.replace("/api/", "/web/");
        for (String path : List.of("/web/bodies?asOf=2024-06-01", "/web/bodies/matrix-body?asOf=2024-06-01",
                "/web/bodies/matrix-body/sessions?asOf=2024-06-01", webSession + "?asOf=2024-06-01", "/web/acts?issuer=matrix-body",
                "/web/acts/" + ACT + "?asOf=2024-06-01", "/web/units/chart?agency=ASST%20Matrix&asOf=2024-01-01",
                "/web/units/diff?agency=ASST%20Matrix&from=2024-01-01&to=2024-02-01")) {
            rows.add(new Row("GET", path, null, all));
        }
        rows.add(new Row("GET", "/web/audit/matrix-body", null, auditors));
        rows.add(new Row("GET", "/web/audit/verification", null, auditors));
        String typeBody = "{\"validFrom\":\"2024-01-01\",\"name\":\"P\",\"area\":\"A\",\"inquiryUnit\":{\"asRecorded\":\"U\"},"
                + "\"termText\":\"30 giorni\",\"silenceAssent\":false,\"substitutePowerHolder\":\"DA\"}";
        String reassignBody = "{\"fromUnitId\":\"u\",\"toUnit\":{\"asRecorded\":\"U\"},\"actId\":\"none\",\"effectiveFrom\":\"2024-01-01\"}";
        rows.add(new Row("POST", "/api/proceeding-types", typeBody.replaceFirst("\\{", "{\"agency\":{\"kind\":\"ASST\",\"name\":\"ASST Matrix\"},"),
                adminOnly));
        rows.add(new Row("POST", "/api/proceeding-types/none/versions", typeBody, adminOnly));
        rows.add(new Row("POST", "/api/proceeding-types/none/reassignments", reassignBody, adminOnly));
        rows.add(new Row("POST", "/api/proceedings", "{\"proceedingTypeId\":\"none\",\"basis\":\"EX_OFFICIO\",\"on\":\"2024-01-01\"}", registrars));
        rows.add(new Row("POST", "/api/proceedings/none/suspensions", "{\"reason\":\"r\",\"from\":\"2024-01-01\",\"to\":\"2024-01-02\"}", registrars));
        rows.add(new Row("POST", "/api/proceedings/none/conclusion", "{\"on\":\"2024-01-01\",\"note\":\"n\"}", registrars));
        rows.add(new Row("POST", "/api/proceedings/none/inertia", "{\"on\":\"2024-01-01\"}", registrars));
        rows.add(new Row("POST", "/api/proceedings/none/reassignments", reassignBody, registrars));
        // territory: an administrator records it, every reader reads it (issue 24)
        rows.add(new Row("POST", "/api/territory/ambiti", "{\"id\":\"matrix-1\",\"name\":\"Ambito Matrix\"}", adminOnly));
        rows.add(new Row("POST", "/api/territory/ambiti/matrix-none/comuni", "{\"comuneId\":\"comune-matrix\",\"from\":\"2024-01-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/territory/ambiti/matrix-none/comuni/comune-matrix/removal", "{\"from\":\"2024-01-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/territory/ambiti/matrix-none/agencies", "{\"agency\":\"ASST Matrix\",\"from\":\"2024-01-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/territory/ambiti/matrix-none/populations",
                "{\"population\":10,\"referenceDate\":\"2024-01-01\",\"source\":\"s\"}", adminOnly));
        rows.add(new Row("POST", "/api/territory/districts", "{\"name\":\"Distretto Matrix\",\"agency\":\"ASST Matrix\",\"ambiti\":[\"matrix-1\"],"
                + "\"from\":\"2024-01-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/territory/districts/distretto-none/ambiti", "{\"ambiti\":[\"x\"],\"from\":\"2024-01-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/territory", "{\"kind\":\"AGENCY\",\"territoryId\":\"ASST Matrix\",\"from\":\"2024-01-01\"}",
                adminOnly));
        rows.add(new Row("POST", "/api/comuni/comune-none/istat-code", "{\"istatCode\":\"019036\"}", registrars));
        for (String path : List.of("/api/territory/ambiti/matrix-none", "/api/territory/districts/distretto-none",
                "/api/territory/agencies/ASST%20Matrix", "/api/bodies/matrix-body/territory-check?on=2024-06-01", "/api/acts/" + ACT + "/links",
                "/api/act-links/unresolved", "/api/organ-kinds", "/api/mandates?agency=ASST%20Matrix", "/web/mandates?agency=ASST%20Matrix")) {
            rows.add(new Row("GET", path, null, all));
        }
        // organs, mandates, delegations of powers: an administrator
        rows.add(new Row("POST", "/api/organ-kinds", "{\"id\":\"matrix-kind\",\"name\":\"K\",\"term\":{\"kind\":\"OPEN\"}}", adminOnly));
        rows.add(new Row("POST", "/api/mandates", "{\"id\":\"matrix-mandate\",\"agency\":\"ASST Matrix\",\"organKindId\":\"none\","
                + "\"nameAsRecorded\":\"X\",\"from\":\"2024-01-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/mandates/none/end", "{\"lastDay\":\"2024-01-01\",\"reason\":\"r\"}", adminOnly));
        rows.add(new Row("POST", "/api/mandates/none/delegations", "{\"id\":\"d\",\"delegatePersonId\":\"x\",\"scopeAsRecorded\":\"s\","
                + "\"from\":\"2024-01-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/mandates/none/delegations/d/revoke", "{\"lastDay\":\"2024-01-01\"}", adminOnly));
        // a bulk import: whoever may write; each row is then authorised as the request it is (ImportScenarioTest)
        rows.add(new Row("POST", "/api/import", "[]", registrars));
        // citations: an administrator
        rows.add(new Row("GET", "/api/citations", null, all));
        rows.add(new Row("GET", "/api/citations/none", null, all));
        rows.add(new Row("POST", "/api/citations", "{\"text\":\"DGR n. XI/1 del 01.01.2024\"}", adminOnly));
        rows.add(new Row("POST", "/api/citations/none/resolve", "{\"actId\":\"x\",\"reason\":\"r\"}", adminOnly));
        rows.add(new Row("GET", "/actuator/info", null, adminOnly));
        // the body registry and its structure
        rows.add(new Row("POST", "/api/bodies", """
                {"kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Matrix"},"name":"Conferenza Matrix Bis"}""", adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/rename", "{\"name\":\"Conferenza Matrix Ter\",\"reason\":\"r\",\"effectiveFrom\":\"2024-02-01\"}", adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/aliases", "{\"alias\":\"Conferenza di Matrix\"}", adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/successor", "{\"successorBodyId\":\"none\",\"from\":\"2024-01-01\",\"basis\":\"STATED\"}", adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/compositions", """
                {"act":{"citation":"Decreto 9002/2024"},"effectiveFrom":"2024-03-01","seats":[
                 {"role":"MAYOR","constituency":"comune-matrix","personId":"%s"}]}""".formatted(person), adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/seats", "{\"role\":\"OTHER\",\"constituency\":\"Altro\"}", adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/seats/mayor-comune-matrix/holders",
                "{\"personId\":\"%s\",\"from\":\"2023-01-01\",\"to\":\"2023-06-01\"}".formatted(person), adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/seats/mayor-comune-matrix/vacate",
                "{\"lastDay\":\"2030-01-01\",\"reason\":\"r\"}", adminOnly));
        rows.add(new Row("POST", "/api/bodies/matrix-body/rule-sets", """
                {"name":"R","effectiveFrom":"2024-01-01","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                 "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}""", adminOnly));
        // a body's operations
        rows.add(new Row("POST", "/api/bodies/matrix-body/officers",
                "{\"office\":\"PRESIDENT\",\"personId\":\"nobody\",\"at\":\"2024-06-01T10:00\"}", bodyOperators));
        rows.add(new Row("POST", "/api/bodies/matrix-body/officers/PRESIDENT/vacate", "{\"at\":\"2024-06-01T10:00\",\"reason\":\"r\"}", bodyOperators));
        rows.add(new Row("POST", "/api/bodies/matrix-body/interim-presiding-officer",
                "{\"personId\":\"nobody\",\"capacity\":\"DG\",\"from\":\"2024-06-01T10:00\"}", bodyOperators));
        rows.add(new Row("POST", "/api/bodies/matrix-body/delegations", """
                {"seatId":"mayor-comune-matrix","delegatePersonId":"nobody","from":"2024-06-01T00:00","to":"2024-06-02T00:00","letterRef":"l"}""",
                bodyOperators));
        rows.add(new Row("POST", "/api/bodies/matrix-body/delegations/none/revoke", "{\"at\":\"2024-06-01T10:00\",\"reason\":\"r\"}", bodyOperators));
        // persons and comuni
        rows.add(new Row("POST", "/api/persons", "{\"name\":\"Persona Matrix\"}", registrars));
        rows.add(new Row("POST", "/api/persons/nobody/aliases", "{\"alias\":\"x\"}", registrars));
        rows.add(new Row("POST", "/api/comuni", "{\"name\":\"Comune Matrix\",\"province\":\"CR\"}", registrars));
        rows.add(new Row("POST", "/api/comuni/comune-none/aliases", "{\"alias\":\"x\"}", registrars));
        rows.add(new Row("POST", "/api/comuni/comune-none/populations", "{\"population\":10,\"referenceDate\":\"2024-01-01\",\"source\":\"s\"}", registrars));
        // sessions: the body's secretariat only
        rows.add(new Row("POST", "/api/sessions", "{\"bodyId\":\"matrix-body\",\"date\":\"2024-07-01\",\"number\":\"m\"}", sessionClerk));
        String[][] sessionWrites = {
                {"/agenda", "{\"itemNo\":1,\"kind\":\"DELIBERATION\",\"title\":\"t\"}"},
                {"/agenda/1/titles", "{\"title\":\"t2\"}"},
                {"/agenda/9/withdraw", "{\"reason\":\"r\"}"},
                {"/participants", "{\"personId\":\"nobody\",\"role\":\"GUEST\"}"},
                {"/arrivals", "{\"personId\":\"" + "nobody" + "\",\"at\":\"2024-06-01T10:00\"}"},
                {"/departures", "{\"personId\":\"nobody\",\"at\":\"2024-06-01T11:00\"}"},
                {"/absences", "{\"personId\":\"nobody\",\"basis\":\"STATED\"}"},
                {"/chair", "{\"personId\":\"nobody\",\"at\":\"2024-06-01T10:00\",\"basis\":\"INTERIM\"}"},
                {"/quorum", "{\"at\":\"2024-06-01T10:00\"}"},
                {"/open", "{\"at\":\"2024-06-01T10:00\"}"},
                {"/votes", "{\"itemNo\":1,\"at\":\"2024-06-01T10:00\",\"mode\":\"OPEN_COUNTS\",\"tally\":{\"inFavour\":0}}"},
                {"/elections", "{\"itemNo\":1,\"office\":\"PRESIDENT\",\"personId\":\"nobody\",\"at\":\"2024-06-01T10:00\"}"},
                {"/voter-attestations", "{\"itemNo\":1,\"count\":0,\"at\":\"2024-06-01T10:00\"}"},
                {"/candidatures", "{\"itemNo\":1,\"candidatureId\":\"k\",\"name\":\"n\"}"},
                {"/designations", "{\"itemNo\":1,\"office\":\"o\",\"candidatureId\":\"k\",\"at\":\"2024-06-01T10:00\",\"basis\":\"UNANIMOUS\",\"ratifyingIssuer\":\"x\"}"},
                {"/designations/d/ratify", "{\"act\":{\"issuer\":\"x\"},\"ratifiedOn\":\"2024-07-01\"}"},
                {"/opinions", "{\"itemNo\":1,\"act\":{\"citation\":\"c\"},\"outcome\":\"FAVOURABLE\",\"at\":\"2024-06-01T10:00\"}"},
                {"/information", "{\"itemNo\":1}"},
                {"/follow-ups", "{\"itemNo\":1,\"descriptionAsRecorded\":\"d\"}"},
                {"/figures", "{\"itemNo\":1}"},
                {"/corrections", "{\"factId\":\"fact-99\",\"field\":\"at\",\"value\":\"x\",\"reason\":\"r\"}"},
                {"/attachments", "{\"title\":\"t\",\"reference\":\"r\"}"},
                {"/minutes/sign", "{\"on\":\"2024-06-02\",\"signatories\":[{\"personId\":\"nobody\"}]}"},
                {"/minutes/distribute", "{\"on\":\"2024-06-02\",\"channel\":\"mail\"}"},
                {"/minutes/publish", "{\"on\":\"2024-06-02\",\"url\":\"https://example.invalid/v\"}"},
                {"/close", "{\"at\":\"2024-06-01T12:00\"}"}};
        for (String[] w : sessionWrites) {
            rows.add(new Row("POST", session + w[0], w[1], sessionClerk));
        }
        return rows;
    }

    /** A web page: its refusals are HTML pages for a browser, not problem+json. */
    private static boolean page(String path) {
        return path.equals("/web") || path.startsWith("/web/");
    }

    @Test
    @DisplayName("every endpoint × every role: allowed or denied as the rules say; a denial stores nothing")
    void matrix() {
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Row row : rows()) {
            // denied roles first, so the one allowed write comes last and cannot change what the others see
            List<String> order = new ArrayList<>(ROLES.stream().filter(r -> !row.allowed().contains(r)).toList());
            order.addAll(ROLES.stream().filter(r -> row.allowed().contains(r)).toList());
            for (String role : order) {
                long before = events.total();
                Api.Response r = row.method().equals("POST") ? api(role).postJson(row.path(), row.body())
                        : row.path().endsWith(".html") || page(row.path()) ? api(role).get(row.path(), "Accept", "text/html")
                        : api(role).get(row.path());
                boolean allowed = row.allowed().contains(role);
                checked++;
                if (allowed && (r.status() == 401 || r.status() == 403)) {
                    failures.add(role + " " + row.method() + " " + row.path() + " should be allowed: " + r.status() + " " + r.body());
                } else if (!allowed) {
                    int want = role.equals("anonymous") ? 401 : 403;
                    if (r.status() != want) {
                        failures.add(role + " " + row.method() + " " + row.path() + " should be " + want + ": " + r.status() + " " + r.body());
                    } else if (page(row.path()) ? !r.contentType().startsWith("text/html")
                            : !r.contentType().startsWith("application/problem+json")) {
                        failures.add(role + " " + row.path() + ": denial is not " + (page(row.path()) ? "an HTML page" : "problem+json"));
                    } else if (events.total() != before) {
                        failures.add(role + " " + row.path() + ": a denied request stored events");
                    }
                }
                if (r.status() >= 500) {
                    failures.add(role + " " + row.method() + " " + row.path() + " answered " + r.status());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    @DisplayName("a secretariat writing to another body's session is refused on the command side and logged")
    void otherSecretariatIsLogged() {
        Api.Response r = api("other-clerk").postJson(session + "/agenda", "{\"itemNo\":77,\"kind\":\"OTHER\",\"title\":\"intrusione\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("FORBIDDEN");
        JsonNode denials = api("auditor").get("/api/security/denials?limit=20").json();
        boolean logged = false;
        for (JsonNode d : denials) {
            // refused at the door, before the request is read (WriteAuthorizationFilter); the command side would say the same
            logged |= d.get("principal").asString().equals("other-clerk") && d.get("action").asString().equals("POST " + session + "/agenda")
                    && d.get("target").asString().equals("body:matrix-body");
        }
        assertThat(logged).as("denial in the security log: %s", denials).isTrue();
        assertThat(api("mayor").get("/api/security/denials").status()).isEqualTo(403);
    }
}
