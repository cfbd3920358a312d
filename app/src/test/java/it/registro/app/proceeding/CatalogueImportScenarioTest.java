package it.registro.app.proceeding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003: ASST Crema's table of 134 proceedings ("ATTIVITA' E PROCEDIMENTI 2025", dated 15/05/2025
 * at L1730) imported through the REST API, row by row, with the same command a clerk would send. A term
 * the catalogue cannot read is refused (TERM_UNPARSEABLE); the row is reported and sent again with the
 * rule stated as NOT_SET, keeping its text.
 */
@ScenarioTest
public class CatalogueImportScenarioTest {

    public static final String AGENCY = "ASST Crema";
    /** A unit of ASST Crema recorded for the test (FIXTURE: seed 003 gives no organigram code). */
    static final String AGL_UNIT = "unit-asst-crema-sc-fixture-agl-staff";

    @LocalServerPort
    int port;

    Api api;
    final List<Map<String, String>> rows = ProceedingTable.rows();
    final List<Integer> unparsed = new ArrayList<>();
    final Map<Integer, String> idByRow = new HashMap<>();
    List<JsonNode> catalogue;

    public static Map<String, Object> typeRequest(Map<String, String> row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", Map.of("kind", "ASST", "name", AGENCY));
        body.put("validFrom", "2025-05-15");
        body.put("name", row.get("proceeding"));
        body.put("area", row.get("area"));
        body.put("inquiryUnit", Map.of("asRecorded", row.get("istruttoria_unit")));
        body.put("finalActUnit", Map.of("asRecorded", row.get("final_act_unit")));
        body.put("termText", row.get("term_text").equals("(blank)") ? "" : row.get("term_text"));
        body.put("silenceAssent", !row.get("silenzio_assenso").equals("NO"));
        body.put("substitutePowerHolder", row.get("substitute_power_holder"));
        body.put("source", "seed 003 L" + row.get("source_lines"));
        return body;
    }

    @BeforeAll
    void importTable() {
        api = new Api(port);
        assertThat(api.postJson("/api/units/existing", json(Map.of("agency", AGENCY, "type", "SC", "code", "FIXTURE-AGL",
                "name", "AFFARI GENERALI E LEGALI", "source", "FIXTURE"))).status()).isEqualTo(201);
        assertThat(rows).hasSize(134);
        for (Map<String, String> row : rows) {
            int n = Integer.parseInt(row.get("id"));
            Map<String, Object> body = typeRequest(row);
            Api.Response r = api.postJson("/api/proceeding-types", json(body));
            if (r.status() == 422 && r.json().get("code").asString().equals("TERM_UNPARSEABLE")) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("field").asString()).isEqualTo("termText");
                unparsed.add(n);
                body.put("term", Map.of("kind", "NOT_SET"));
                r = api.postJson("/api/proceeding-types", json(body));
            }
            assertThat(r.status()).as("row %d: %s", n, r.body()).isEqualTo(201);
            idByRow.put(n, r.json().get("id").asString());
        }
        catalogue = new ArrayList<>();
        api.get("/api/proceeding-types?agency=ASST%20Crema&asOf=2025-06-01").json().forEach(catalogue::add);
    }

    private static Map<String, Long> count(List<JsonNode> entries, java.util.function.Function<JsonNode, String> key) {
        return entries.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    @Test
    @DisplayName("all 134 rows are in the catalogue, in 16 areas: HR 30, Bilancio 14, Acquisti 13, Affari Generali 12 (domain brief §7)")
    void allRowsByArea() {
        assertThat(catalogue).hasSize(134);
        assertThat(idByRow.values()).doesNotHaveDuplicates();
        Map<String, Long> byArea = count(catalogue, e -> e.get("version").get("area").asString());
        assertThat(byArea).hasSize(16);
        assertThat(byArea).containsEntry("S.C. GESTIONE E SVILUPPO DELLE RISORSE UMANE", 30L)
                .containsEntry("S.C. BILANCIO, PROGRAMMAZIONE FINANZIARIA E CONTABILITA'", 14L)
                .containsEntry("GESTIONE ACQUISTI", 13L).containsEntry("AFFARI GENERALI E LEGALI", 12L);
        Map<String, Long> fromTable = rows.stream().collect(Collectors.groupingBy(r -> r.get("area"), TreeMap::new, Collectors.counting()));
        assertThat(byArea).isEqualTo(fromTable);
        // "Controlli amministrativi sulle imprese" is both an Acquisti (row 23) and a Bilancio (row 81) proceeding
        assertThat(idByRow.get(23)).isNotEqualTo(idByRow.get(81));
    }

    @Test
    @DisplayName("silenzio assenso is NO in all 134 rows; six substitute-power holders, always roles")
    void silenceAndHolders() {
        assertThat(catalogue).allMatch(e -> !e.get("version").get("silenceAssent").asBoolean());
        assertThat(count(catalogue, e -> e.get("version").get("substitutePowerHolder").asString())).isEqualTo(Map.of(
                "Direttore Dipartimento Amministrativo", 67L, "Direttore Socio-Sanitario", 26L, "Direttore Amministrativo", 14L,
                "Direttore Sanitario", 12L, "Direttore S.C. Gestione Operativa - Next Generation EU", 9L,
                "Direttore Dipartimento della salute mentale, della disabilità e delle dipendenze", 6L));
    }

    @Test
    @DisplayName("19 terms cannot be read (several clauses or terms in one cell) and are reported; the other 115 by kind")
    void termsByKind() {
        assertThat(unparsed).containsExactly(8, 9, 20, 29, 36, 61, 64, 72, 73, 74, 76, 83, 86, 92, 95, 112, 113, 126, 128);
        Map<String, Long> byKind = count(catalogue, e -> e.get("version").get("term").get("kind").asString());
        assertThat(byKind).isEqualTo(Map.of("CALENDAR_DAYS", 61L, "WORKING_DAYS", 4L, "HOURS", 1L, "CALENDAR_DATE", 7L,
                "PERIODIC", 12L, "EVENT_RELATIVE", 3L, "EXTERNAL_LAW", 21L, "NOT_SET", 25L));
        assertThat(catalogue.stream().filter(e -> e.get("version").get("termStated").asBoolean()).count()).isEqualTo(19);
        // the catalogue reports them itself, with why and the seed lines: row 8 is L838-922
        JsonNode unread = api.get("/api/proceeding-types/unread-terms?agency=ASST%20Crema&asOf=2025-06-01").json();
        assertThat(unread).hasSize(19);
        List<String> ids = new ArrayList<>();
        unread.forEach(u -> ids.add(u.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(unparsed.stream().map(idByRow::get).toList());
        unread.forEach(u -> assertThat(u.get("problem").asString()).isNotBlank());
        unread.forEach(u -> assertThat(u.get("ruleStated").get("kind").asString()).isEqualTo("NOT_SET"));
        assertThat(unread.findValues("source").stream().map(JsonNode::asString)).contains("seed 003 L838-922");
    }

    @Test
    @DisplayName("row by row, the catalogue's reading agrees with the table's parsed columns (term_type, term_days)")
    void termsAgreeWithTheTable() {
        Map<String, JsonNode> byId = new HashMap<>();
        catalogue.forEach(e -> byId.put(e.get("id").asString(), e));
        Map<String, List<String>> allowed = Map.ofEntries(
                Map.entry("fixed_days", List.of("CALENDAR_DAYS")), Map.entry("immediate", List.of("CALENDAR_DAYS")),
                Map.entry("working_days", List.of("WORKING_DAYS")), Map.entry("hours", List.of("HOURS", "NOT_SET")),
                Map.entry("calendar_date", List.of("CALENDAR_DATE", "PERIODIC", "NOT_SET")),
                Map.entry("periodic", List.of("PERIODIC", "NOT_SET")), Map.entry("event_relative", List.of("EVENT_RELATIVE", "NOT_SET")),
                Map.entry("external_or_by_law", List.of("EXTERNAL_LAW")), Map.entry("internal_regulation", List.of("EXTERNAL_LAW", "NOT_SET")),
                Map.entry("fixed_days_multi", List.of("NOT_SET")), Map.entry("blank", List.of("NOT_SET")),
                Map.entry("variable_or_not_set", List.of("NOT_SET")));
        for (Map<String, String> row : rows) {
            int n = Integer.parseInt(row.get("id"));
            JsonNode term = byId.get(idByRow.get(n)).get("version").get("term");
            String kind = term.get("kind").asString();
            assertThat(allowed.get(row.get("term_type"))).as("row %d (%s): %s", n, row.get("term_type"), row.get("term_text")).contains(kind);
            if (!unparsed.contains(n) && List.of("CALENDAR_DAYS", "WORKING_DAYS", "HOURS").contains(kind)) {
                assertThat(term.get("amount").asInt()).as("row %d", n).isEqualTo(Integer.parseInt(row.get("term_days")));
            }
            assertThat(byId.get(idByRow.get(n)).get("version").get("termText").asString(""))
                    .as("row %d keeps its text", n).isEqualTo(row.get("term_text").equals("(blank)") ? "" : row.get("term_text").strip());
        }
        // row 1, "30 giorni NO" (L58)
        assertThat(byId.get(idByRow.get(1)).get("version").get("term").get("amount").asInt()).isEqualTo(30);
    }

    @Test
    @DisplayName("the 12 Affari Generali rows are linked to the unit in the register; a unit it does not hold stays as written")
    void unitsLinked() {
        Map<String, JsonNode> byId = new HashMap<>();
        catalogue.forEach(e -> byId.put(e.get("id").asString(), e));
        long linked = catalogue.stream().filter(e -> AGL_UNIT.equals(e.get("version").get("inquiryUnit").get("unitId").asString(null))).count();
        assertThat(linked).isEqualTo(12);
        assertThat(byId.get(idByRow.get(1)).get("version").get("finalActUnit").get("unitId").asString()).isEqualTo(AGL_UNIT);
        JsonNode training = byId.get(idByRow.get(rows.stream().filter(r -> r.get("istruttoria_unit").startsWith("Funzione Formazione"))
                .map(r -> Integer.parseInt(r.get("id"))).findFirst().orElseThrow())).get("version").get("inquiryUnit");
        assertThat(training.get("unitId").isNull()).isTrue();
        assertThat(training.get("asRecorded").asString()).isEqualTo("Funzione Formazione (Ufficio Formazione)");
        // a second import of the same row is a duplicate, and stores nothing
        Api.Response again = api.postJson("/api/proceeding-types", json(typeRequest(rows.get(0))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("DUPLICATE_PROCEEDING_TYPE");
    }
}
