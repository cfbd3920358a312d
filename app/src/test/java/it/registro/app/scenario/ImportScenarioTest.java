package it.registro.app.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.poas.ChangeListReplay;
import it.registro.app.proceeding.CatalogueImportScenarioTest;
import it.registro.app.proceeding.ProceedingTable;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.ScenarioFile;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import (issue 24 item 6). The harnesses that record seed 004's composition (L5-81), seed 000's change list and
 * organigram and seed 003's catalogue (L1730) through the API are recorded as import files here; the files are then
 * imported into a second, empty register, twice: the first run gives the same register as the harnesses, the second
 * changes nothing. Seed 003's raw catalogue shows the refused-rows report (terms the catalogue cannot read).
 */
@ScenarioTest
class ImportScenarioTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Fields that say when or by whom something was recorded, or how many times: they differ between two registers. */
    private static final Set<String> RECORDING = Set.of("recordedAt", "registeredAt", "recordedBy", "version", "projected", "by",
            "principal", "at", "approvedAt", "createdAt");

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api source;
    String poasId;
    final List<Object> composition = new ArrayList<>();
    final List<Object> changeList = new ArrayList<>();
    final List<Object> catalogue = new ArrayList<>();
    final List<Object> rawCatalogue = new ArrayList<>();

    ConfigurableApplicationContext target;
    Api api;
    EventCounter targetEvents;

    @BeforeAll
    void recordThenStartAnEmptyRegister() {
        Api api = new Api(port);
        source = api;
        ScenarioFile compositionFile = ScenarioFile.load("s004-collegio-composition.yaml");
        SessionReplay replay = new SessionReplay(api.recording(recorder(composition)), mongoClient, storeDatabase);
        replay.setUp(compositionFile, null);
        replay.recordComposition(compositionFile);
        ChangeListReplay changes = new ChangeListReplay(api.recording(recorder(changeList))).untilReview().importChangeList()
                .importOrganigram().approve();
        poasId = changes.poasId();
        Map<String, Object> unit = Map.of("agency", CatalogueImportScenarioTest.AGENCY, "type", "SC", "code", "FIXTURE-AGL",
                "name", "AFFARI GENERALI E LEGALI", "source", "FIXTURE");
        for (List<Object> file : List.of(catalogue, rawCatalogue)) {
            file.add(Map.of("path", "/api/units/existing", "body", unit));
        }
        assertThat(api.postJson("/api/units/existing", ScenarioFile.json(unit)).status()).isEqualTo(201);
        for (Map<String, String> row : ProceedingTable.rows()) {
            Map<String, Object> body = CatalogueImportScenarioTest.typeRequest(row);
            rawCatalogue.add(Map.of("path", "/api/proceeding-types", "body", body));
            Api.Response r = api.postJson("/api/proceeding-types", ScenarioFile.json(body));
            if (r.status() == 422) {
                body = new LinkedHashMap<>(body);
                body.put("term", Map.of("kind", "NOT_SET"));
                r = api.postJson("/api/proceeding-types", ScenarioFile.json(body));
            }
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            catalogue.add(Map.of("path", "/api/proceeding-types", "body", body));
        }

        target = new SpringApplicationBuilder(RegistroApplication.class).run("--server.port=0", "--spring.profiles.active=test",
                "--registro.store.embedded-backend=MEMORY", "--registro.test.fresh-store=true");
        this.api = Api.as(((WebServerApplicationContext) target).getWebServer().getPort(), "tester")
                .patient(java.time.Duration.ofMinutes(10));
        targetEvents = new EventCounter(target.getBean(MongoClient.class), target.getBean(StoreDatabase.class));
    }

    @AfterAll
    void stop() {
        if (target != null) {
            target.close();
        }
    }

    private Api.Recorder recorder(List<Object> into) {
        return (path, json, response) -> {
            ObjectNode body = (ObjectNode) JSON.readTree(json);
            if (path.equals("/api/persons") && !body.has("id")) {
                body.put("id", response.json().get("id").asString()); // a file names its persons: their ids are the register's
            }
            into.add(Map.of("path", path, "body", body));
        };
    }

    private JsonNode importFile(List<Object> rows, String query) {
        Api.Response r = api.postJson("/api/import" + query, ScenarioFile.json(Map.of("rows", rows)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    @DisplayName("seeds 004, 000 and 003 imported twice: the register the harnesses made, and a second run changes nothing")
    void importedTwice() {
        JsonNode dry = importFile(composition, "?dryRun=true&name=s004-composition.json");
        assertThat(dry.get("wouldImport").asInt()).isEqualTo(composition.size());
        assertThat(targetEvents.total()).as("a dry run stores nothing").isZero();

        List<JsonNode> first = new ArrayList<>();
        for (List<Object> file : List.of(composition, changeList, catalogue)) {
            JsonNode report = importFile(file, "");
            assertThat(report.get("refused").asInt()).as(report.toString()).isZero();
            assertThat(report.get("imported").asInt()).isEqualTo(file.size());
            first.add(report);
        }
        long events = targetEvents.total();
        Map<String, JsonNode> once = views(api);
        assertThat(once).isEqualTo(views(source));

        for (List<Object> file : List.of(composition, changeList, catalogue)) {
            JsonNode report = importFile(file, "");
            assertThat(report.get("imported").asInt()).isZero();
            assertThat(report.get("alreadyImported").asInt()).isEqualTo(file.size());
        }
        assertThat(targetEvents.total()).as("the second run stores nothing").isEqualTo(events);
        assertThat(views(api)).isEqualTo(once);
        assertThat(first.get(0).get("fileSha256").asString()).hasSize(64);
    }

    @Test
    @DisplayName("seed 003's raw catalogue: the rows whose term cannot be read are reported with their problem, the rest go in")
    void refusedRowsReport() {
        JsonNode report = importFile(rawCatalogue, "?name=s003-raw.json");
        List<Integer> refused = new ArrayList<>();
        for (JsonNode row : report.get("refusedRows")) {
            assertThat(row.get("code").asString()).isEqualTo("TERM_UNPARSEABLE");
            assertThat(row.get("field").asString()).isEqualTo("termText");
            assertThat(row.get("status").asInt()).isEqualTo(422);
            refused.add(row.get("row").asInt());
        }
        assertThat(refused).isNotEmpty();
        int unreadable = (int) catalogue.stream().filter(r -> ((Map<?, ?>) ((Map<?, ?>) r).get("body")).containsKey("term")).count();
        assertThat(refused).hasSize(unreadable);
        JsonNode again = importFile(rawCatalogue, "");
        assertThat(again.get("imported").asInt()).as("the same file again changes nothing").isZero();
        assertThat(again.get("refusedRows")).isEqualTo(report.get("refusedRows"));
    }

    @Test
    @DisplayName("each imported fact names the importing user, the file's SHA-256 and its row; rows are authorised per body; bad files refused")
    void attributionAuthorisationAndBadFiles() {
        String csv = "path,id,name,source\n/api/persons,person-import-1,Primo Importato,FIXTURE\n/api/persons,person-import-2,Secondo Importato,FIXTURE\n";
        Api.Response r = api.post("/api/import?name=persons.csv", "text/csv", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String sha = r.json().get("fileSha256").asString();
        assertThat(r.json().get("imported").asInt()).isEqualTo(2);
        JsonNode trail = Api.as(portOf(target), "auditor").get("/api/audit/events?aggregate=person-import-2").json();
        JsonNode entry = trail.get("entries").get(0);
        assertThat(entry.get("principal").asString()).isEqualTo("tester");
        assertThat(entry.get("channel").asString()).isEqualTo("import");
        assertThat(entry.get("importFile").asString()).isEqualTo(sha);
        assertThat(entry.get("importRow").asString()).isEqualTo("2");

        // a secretariat imports only what it may record: its own body's sessions, not another's
        JsonNode clerk = Api.as(portOf(target), "clerk").postJson("/api/import", ScenarioFile.json(Map.of("rows", List.of(
                Map.of("path", "/api/sessions", "body", Map.of("bodyId", "conferenza-over-time", "date", "2024-05-05")),
                Map.of("path", "/api/admin/rebuild", "body", Map.of()))))).json();
        assertThat(clerk.get("refusedRows").get(0).get("code").asString()).isIn("FORBIDDEN", "BODY_NOT_FOUND");
        assertThat(clerk.get("refusedRows").get(1).get("code").asString()).isEqualTo("PATH_NOT_IMPORTABLE");

        assertThat(api.postJson("/api/import", "{\"rows\": 3}").json().get("code").asString()).isEqualTo("IMPORT_FILE_MALFORMED");
        assertThat(api.post("/api/import", "text/csv", "name\nX\n").json().get("code").asString()).isEqualTo("IMPORT_FILE_MALFORMED");
        assertThat(Api.as(portOf(target), "mayor").postJson("/api/import", "[]").status()).isEqualTo(403);
        // the import credential is the service's own: a caller cannot present one
        assertThat(api.postJson("/api/persons", "{\"name\":\"X\"}", "Registro-Import-Token", "made-up").status()).isEqualTo(401);
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** What the register says about what the files hold, without when or by whom it was recorded. */
    private Map<String, JsonNode> views(Api on) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        out.put("composition", strip(on.get("/api/bodies/collegio-dei-sindaci-ats-val-padana/composition?asOf=2024-10-18").json()));
        out.put("poas", strip(on.get("/api/poas/" + poasId + "/changes").json()));
        out.put("chart", strip(on.get("/api/units/chart?agency=ASST%20Cremona&asOf=2023-06-01").json()));
        out.put("catalogue", strip(on.get("/api/proceeding-types?agency=ASST%20Crema&asOf=2025-06-01").json()));
        return out;
    }

    private static JsonNode strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.propertyNames().forEach(name -> {
                if (!RECORDING.contains(name)) {
                    out.set(name, strip(node.get(name)));
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(strip(n)));
            return out;
        }
        return node;
    }
}
