package it.registro.app.poas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static it.registro.app.support.ScenarioFile.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P2 (the change list imported as events) and P3 (ON_APPROVAL dates read from the approving act) of
 * poas-000.md. The DGR is first recorded as the seed has it, without a date (seed 000 L1-140), then
 * completed with the FIXTURE date 2022-08-01.
 */
@ScenarioTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoasChangeListScenarioTest {

    @LocalServerPort
    int port;

    ChangeListReplay replay;
    Map<String, Object> expected;

    @BeforeAll
    void replay() {
        replay = new ChangeListReplay(new Api(port)).untilReview().importChangeList().importOrganigram();
        expected = replay.list.map("expected");
    }

    private JsonNode delta() {
        return replay.api.get(replay.poas + "/changes").json();
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> m = new java.util.TreeMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static Map<String, Long> longs(Object yaml) {
        Map<String, Long> m = new java.util.TreeMap<>();
        ((Map<?, ?>) yaml).forEach((k, v) -> m.put(String.valueOf(k), ((Number) v).longValue()));
        return m;
    }

    private void assertSummary(JsonNode summary, Map<String, Object> e) {
        assertThat(summary.get("count").asLong()).isEqualTo(((Number) e.get("count")).longValue());
        assertThat(counts(summary.get("byEffective"))).isEqualTo(longs(e.get("byEffective")));
        assertThat(counts(summary.get("byType"))).isEqualTo(longs(e.get("byType")));
        assertThat(counts(summary.get("byPresidio"))).isEqualTo(longs(e.get("byPresidio")));
        assertThat(summary.get("byGroup").size()).isEqualTo(e.get("groups"));
    }

    private List<JsonNode> onApproval() {
        List<JsonNode> rows = new ArrayList<>();
        delta().get("changes").forEach(r -> {
            if (r.get("change").get("rule").asString().equals("ON_APPROVAL")) {
                rows.add(r);
            }
        });
        return rows;
    }

    @Test
    @Order(1)
    @DisplayName("P2: 31 changes under decree 279/2022 — 24 activations and 7 closures with the seed's counts")
    void delta31() {
        JsonNode d = delta();
        assertThat(d.get("total").asInt()).isEqualTo(expected.get("total"));
        assertSummary(d.get("activations"), map(expected, "activations"));
        assertSummary(d.get("closures"), map(expected, "closures"));
        for (JsonNode row : d.get("changes")) {
            JsonNode c = row.get("change");
            assertThat(c.get("scheduledByActId").asString()).isEqualTo(replay.acts.get("decree279"));
            assertThat(c.get("source").asString()).startsWith("seed 000 L");
            assertThat(c.get("rawText").asString()).isNotBlank();
            if (c.get("rule").asString().equals("ON_APPROVAL")) {
                assertThat(c.get("rawText").asString()).startsWith("da data approvazione POAS");
            }
        }
        assertThat(replay.rowStatus).hasSize(31).allSatisfy((n, status) -> assertThat(status).as("row %d", n).isIn(200, 201));
        // names are normalised to single spaces
        assertThat(replay.unit("SS", "52701", null).get("name").asString()).isEqualTo("QUALITA E RISK MANAGEMENT");
    }

    @Test
    @Order(2)
    @DisplayName("P2: codes repeat — Units(ASST Cremona, 13701) are two units, only the POOP one closes on 2022-09-30")
    void identity() {
        JsonNode units = replay.api.get("/api/units?agency=ASST%20Cremona&code=13701").json();
        assertThat(units.size()).isEqualTo(expected.get("units13701"));
        JsonNode poop = replay.unit("SC", "13701", "03027300");
        assertThat(poop.get("name").asString()).isEqualTo("OSTETRICIA E GINECOLOGIA POOP");
        assertThat(poop.get("closure").get("date").asString()).isEqualTo("2022-09-30");
        JsonNode aziendale = replay.unit("SC", "13701", "03090800");
        assertThat(aziendale.get("name").asString()).isEqualTo("OSTETRICIA E GINECOLOGIA AZIENDALE");
        assertThat(aziendale.get("closure").isNull()).isTrue();
    }

    @Test
    @Order(3)
    @DisplayName("P2: one DANGLING_REFERENCE — HOME VISITING still points to SS 63101, which closes; nothing is reassigned")
    void dangling() {
        int flags = 0;
        for (JsonNode u : replay.api.get("/api/units?agency=ASST%20Cremona").json()) {
            for (JsonNode f : u.get("unit").get("flags")) {
                if (u.get("unit").get("type").asString().equals("FUN") || f.get("code").asString().startsWith("ORGANIGRAM_")) {
                    continue; // the same flag, shown on the referrer too; the organigram flags are P3's
                }
                assertThat(f.get("code").asString()).isEqualTo("DANGLING_REFERENCE");
                assertThat(f.get("severity").asString()).isEqualTo("WARNING");
                flags++;
            }
        }
        assertThat(flags).isEqualTo(expected.get("danglingFlags"));
        JsonNode vaccinazioni = replay.unit("SS", "63101", null);
        assertThat(vaccinazioni.get("flags").get(0).get("message").asString()).contains("2022-12-31");
        JsonNode homeVisiting = replay.unit("FUN", "63501", null);
        assertThat(homeVisiting.get("refersToUnitId").asString()).isEqualTo(replay.unitId("SS", "63101", null));
        assertThat(homeVisiting.get("closure").isNull()).isTrue();
        assertThat(homeVisiting.get("flags").size()).isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("P2 refusals: an existing unit, an unknown unit, a row imported twice; the totals stay 24 / 7")
    void refusals() {
        Map<String, Object> existing = new java.util.LinkedHashMap<>(Map.of("agency", "ASST Cremona", "type", "SC", "code", "13701",
                "name", "OSTETRICIA E GINECOLOGIA AZIENDALE", "presidio", "03090800", "effectiveRule", "DATE",
                "effectiveFrom", "2023-01-01", "actId", replay.acts.get("decree279")));
        existing.put("poasId", replay.poasId);
        Api.Response duplicate = replay.api.postJson("/api/units/activations", json(existing));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asString()).isEqualTo("UNIT_ALREADY_EXISTS");
        Api.Response unknown = replay.api.postJson("/api/units/" + replay.unitId("SS", "99901", null) + "/closure",
                json(Map.of("lastDay", "2022-12-31", "actId", replay.acts.get("decree279"))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("UNIT_NOT_FOUND");
        Map<String, Object> row27 = replay.list.list("closures").stream().filter(r -> r.get("n").equals(27)).findFirst().orElseThrow();
        Api.Response twice = replay.close(row27);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("CHANGE_ALREADY_SCHEDULED");
        JsonNode d = delta();
        assertThat(d.get("activations").get("count").asInt()).isEqualTo(24);
        assertThat(d.get("closures").get("count").asInt()).isEqualTo(7);
    }

    @Test
    @Order(5)
    @DisplayName("P3: before the DGR, SC 21301 NEURORADIOLOGIA is SCHEDULED with rule ON_APPROVAL and no date")
    void beforeTheDgr() {
        JsonNode state = replay.api.get("/api/units/" + replay.unitId("SC", "21301", "03090800") + "?asOf=2022-12-31").json();
        assertThat(state.get("status").asString()).isEqualTo("SCHEDULED");
        JsonNode a = state.get("unit").get("activation");
        assertThat(a.get("rule").asString()).isEqualTo("ON_APPROVAL");
        assertThat(a.get("date").isNull()).isTrue();
        assertThat(a.get("rawText").asString()).startsWith("da data approvazione POAS");
        assertThat(a.get("source").asString()).contains("L9999-10003");
    }

    @Test
    @Order(6)
    @DisplayName("P3: the DGR without a date approves, dates nothing; completed with 2022-08-01 it dates the 18 and only them")
    void approvalDatesTheOnApprovalUnits() {
        Map<String, Object> approval = replay.withAct(replay.chain.map("approval"));
        approval.remove("on");
        ChangeListReplay.ok(replay.api.postJson(replay.poas + "/approval", json(approval)));
        assertThat(replay.api.get(replay.poas).json().get("status").asString()).isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onApproval()).hasSize(18)
                .allSatisfy(r -> assertThat(r.get("change").get("approvedByActId").asString()).isEqualTo(replay.acts.get("dgr"))));
        assertThat(onApproval()).allSatisfy(r -> assertThat(r.get("change").get("date").isNull()).isTrue());

        // a date before the submission is refused, and changes nothing
        Api.Response early = replay.api.postJson(replay.poas + "/approval/date",
                json(Map.of("actId", replay.acts.get("dgr"), "on", "2022-06-09")));
        assertThat(early.json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
        assertThat(onApproval()).allSatisfy(r -> assertThat(r.get("change").get("date").isNull()).isTrue());

        ChangeListReplay.ok(replay.api.postJson(replay.poas + "/approval/date",
                json(Map.of("actId", replay.acts.get("dgr"), "on", "2022-08-01", "source", "FIXTURE"))));
        String day = String.valueOf(expected.get("approvalDate"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onApproval()).hasSize(18)
                .allSatisfy(r -> assertThat(r.get("change").get("date").asString()).isEqualTo(day)));
        assertThat(replay.unit("SC", "21301", "03090800").get("activation").get("date").asString()).isEqualTo("2022-08-01");
        // the dated activations keep their own dates
        Map<String, String> dated = Map.of("SC 30102 03027300", "2022-10-01", "SD 75001 -", "2022-10-01",
                "SC 10906 03090800", "2023-01-01", "SSD 22602 -", "2023-01-01", "SC 50102 -", "2023-01-01", "SC 63102 -", "2023-01-01");
        dated.forEach((key, date) -> {
            String[] k = key.split(" ");
            JsonNode a = replay.unit(k[0], k[1], k[2].equals("-") ? null : k[2]).get("activation");
            assertThat(a.get("date").asString()).as(key).isEqualTo(date);
            assertThat(a.get("approvedOn").asString()).as(key).isEqualTo("2022-08-01");
        });
        // the trail keeps both steps: approved without a date, then dated
        List<String> kinds = new ArrayList<>();
        replay.api.get("/api/units/" + replay.unitId("SC", "21301", "03090800") + "/trail").json()
                .forEach(t -> kinds.add(t.get("kind").asString()));
        assertThat(kinds).containsExactly("ACTIVATION_SCHEDULED", "PLACED", "CHANGE_APPROVED", "APPROVAL_DATED");
    }

    @Test
    @Order(7)
    @DisplayName("P3: status follows the dates — NEURORADIOLOGIA active from 2022-08-01; SSD 30101 closed after 2022-09-30")
    void statusOverTime() {
        String neuro = "/api/units/" + replay.unitId("SC", "21301", "03090800");
        assertThat(replay.api.get(neuro + "?asOf=2022-07-31").json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(replay.api.get(neuro + "?asOf=2022-08-01").json().get("status").asString()).isEqualTo("ACTIVE");
        String ssd = "/api/units/" + replay.unitId("SSD", "30101", null);
        assertThat(replay.api.get(ssd + "?asOf=2022-09-30").json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(replay.api.get(ssd + "?asOf=2022-10-01").json().get("status").asString()).isEqualTo("CLOSED");
        String sc = "/api/units/" + replay.unitId("SC", "30102", "03027300");
        assertThat(replay.api.get(sc + "?asOf=2022-09-30").json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(replay.api.get(sc + "?asOf=2022-10-01").json().get("status").asString()).isEqualTo("ACTIVE");
    }

    private static List<String> codes(Iterable<JsonNode> lines) {
        List<String> codes = new ArrayList<>();
        lines.forEach(l -> codes.add(l.get("type").asString() + " " + l.get("code").asString()));
        return codes;
    }

    @Test
    @Order(8)
    @DisplayName("P3/P5: the diff between two days and the org chart follow the change list's dates, each change with its acts")
    void diffAndChart() {
        // close on 30/09/2022 (rows 27, 28, 31), open on 01/10/2022 (rows 6, 23): no gap, no overlap
        JsonNode autumn = replay.api.get("/api/units/diff?agency=ASST%20Cremona&from=2022-09-30&to=2022-10-01").json();
        assertThat(codes(autumn.get("activated"))).containsExactly("SC 30102", "SD 75001");
        assertThat(codes(autumn.get("closed"))).containsExactly("SC 13701", "SSD 30101", "SC 71001");
        assertThat(autumn.get("activated").get(0).get("actId").asString()).isEqualTo(replay.acts.get("decree279"));
        assertThat(autumn.get("activated").get(0).get("approvedByActId").asString()).isEqualTo(replay.acts.get("dgr"));
        // 31/12/2022 (rows 25, 26, 29, 30) and 01/01/2023 (rows 2, 5, 11, 24)
        JsonNode newYear = replay.api.get("/api/units/diff?agency=ASST%20Cremona&from=2022-12-31&to=2023-01-01").json();
        assertThat(codes(newYear.get("activated"))).containsExactly("SC 10906", "SSD 22602", "SC 50102", "SC 63102");
        assertThat(codes(newYear.get("closed"))).containsExactly("SSD 10905", "SS 22601", "SS 50101", "SS 63101");
        // the approval date: the 18 ON_APPROVAL units
        JsonNode approval = replay.api.get("/api/units/diff?agency=ASST%20Cremona&from=2022-07-31&to=2022-08-01").json();
        assertThat(approval.get("activated").size()).isEqualTo(18);
        assertThat(approval.get("closed").size()).isZero();
        assertThat(replay.api.get("/api/units/diff?agency=ASST%20Cremona&from=2022-08-01&to=2022-07-31").json().get("code").asString())
                .isEqualTo("DATES_OUT_OF_ORDER");

        // 11 recorded as existing and the 17 nodes of the tree; by 01/10/2022 3 closed and 20 opened; by 01/01/2023 7 closed, 24 opened
        int nodes = ((Number) replay.tree.map("expected").get("nodes")).intValue();
        assertThat(chart("2022-07-31").get("units").asInt()).isEqualTo(nodes + 11);
        JsonNode october = chart("2022-10-01");
        assertThat(october.get("units").asInt()).isEqualTo(nodes + 11 - 3 + 20);
        assertThat(codes(children(october, "DIPARTIMENTO AREA EMERGENZA - URGENZA"))).containsExactly("SC 30101", "SC 30102", "SS 30102");
        assertThat(chart("2023-01-01").get("units").asInt()).isEqualTo(nodes + 11 - 7 + 24);
    }

    private JsonNode chart(String day) {
        return replay.api.get("/api/units/chart?agency=ASST%20Cremona&asOf=" + day).json();
    }

    /** The units right under the node with this name, wherever it sits in the tree. */
    private static List<JsonNode> children(JsonNode chart, String name) {
        List<JsonNode> found = new ArrayList<>();
        chart.get("roots").forEach(r -> find(r, name, found));
        assertThat(found).as(name).hasSize(1);
        List<JsonNode> units = new ArrayList<>();
        found.get(0).get("children").forEach(c -> units.add(c.get("unit")));
        return units;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object yaml) {
        return (List<String>) yaml;
    }

    private static void find(JsonNode node, String name, List<JsonNode> found) {
        if (node.get("unit").get("name").asString().equals(name)) {
            found.add(node);
        }
        node.get("children").forEach(c -> find(c, name, found));
    }

    private static List<String> path(JsonNode chart, String code) {
        List<String> trail = new ArrayList<>();
        for (JsonNode r : chart.get("roots")) {
            if (pathTo(r, code, trail)) {
                return trail;
            }
        }
        return trail;
    }

    private static boolean pathTo(JsonNode node, String code, List<String> trail) {
        trail.add(node.get("unit").get("name").asString());
        if (code.equals(node.get("unit").get("type").asString() + " " + node.get("unit").get("code").asString())) {
            return true;
        }
        for (JsonNode c : node.get("children")) {
            if (pathTo(c, code, trail)) {
                return true;
            }
        }
        trail.remove(trail.size() - 1);
        return false;
    }

    @Test
    @Order(8)
    @DisplayName("tree: 17 directions and departments (seed 000 L8581-9950, L1954-1958); every unit has a parent but the 3 roots the text gives none")
    void tree() {
        Map<String, Object> e = replay.tree.map("expected");
        JsonNode day = chart("2023-01-01");
        List<String> roots = new ArrayList<>();
        day.get("roots").forEach(r -> roots.add(r.get("unit").get("name").asString()));
        assertThat(roots).containsExactlyInAnyOrderElementsOf(strings(e.get("roots")));
        assertThat(day.get("unplaced").asInt()).isEqualTo(roots.size());
        assertThat(codes(children(day, "DIPARTIMENTO AREA EMERGENZA - URGENZA")))
                .containsExactlyElementsOf(strings(e.get("emergency20230101")));
        // row 6 (L9987-9995): the new SC 30102 sits under its department, under the Direzione Sanitaria (L1955-1956)
        assertThat(path(day, "SC 30102")).containsExactly("DIREZIONE GENERALE", "DIREZIONE SANITARIA",
                "DIPARTIMENTO AREA EMERGENZA - URGENZA", "ANESTESIA E RIANIMAZIONE POOP");
        // the staff of a direction sits right under it: row 14 (L10049) SC 52301 DAPSS under the DG
        assertThat(path(day, "SC 52301")).containsExactly("DIREZIONE GENERALE", "DAPSS");
        // every unit of the agency has a recorded parent, except the roots
        long placed = 0;
        for (JsonNode u : replay.api.get("/api/units?agency=ASST%20Cremona").json()) {
            if (!u.get("unit").get("placements").isEmpty()) {
                placed++;
            }
        }
        assertThat(placed).isEqualTo(replay.api.get("/api/units?agency=ASST%20Cremona").json().size() - roots.size());
        // the trail says who placed it, under which act and from which line
        JsonNode trail = replay.api.get("/api/units/" + replay.unitId("SC", "30102", "03027300") + "/trail").json();
        JsonNode placedEntry = null;
        for (JsonNode t : trail) {
            if (t.get("kind").asString().equals("PLACED")) {
                placedEntry = t;
            }
        }
        assertThat(placedEntry).isNotNull();
        assertThat(placedEntry.get("actId").asString()).isEqualTo(replay.acts.get("decree279"));
        assertThat(placedEntry.get("otherUnitId").asString()).isEqualTo(replay.nodes.get("DEU"));
        assertThat(placedEntry.get("recordedBy").asString()).isEqualTo("tester");
    }

    @Test
    @Order(9)
    @DisplayName("P3 variant: completed with 2022-08-09 instead, the ON_APPROVAL unit takes 2022-08-09 — the date is read from the act")
    void variantDate() {
        Api api = replay.api;
        String p = "/api/poas/poas-p3-variant";
        ChangeListReplay.ok(api.postJson("/api/poas", json(Map.of("id", "poas-p3-variant", "agencyName", "ASST Fixture P3", "period", "2022-2024"))));
        ChangeListReplay.ok(api.postJson(p + "/adoption", json(Map.of("actId", replay.acts.get("decree279"), "on", "2022-06-10"))));
        ChangeListReplay.ok(api.postJson(p + "/submission", json(Map.of("on", "2022-06-10"))));
        Map<String, Object> unit = new java.util.LinkedHashMap<>(Map.of("agency", "ASST Fixture P3", "type", "SC", "code", "21301",
                "name", "NEURORADIOLOGIA", "effectiveRule", "ON_APPROVAL", "rawText", "da data approvazione POAS Da Attivare",
                "actId", replay.acts.get("decree279"), "poasId", "poas-p3-variant"));
        ChangeListReplay.ok(api.postJson("/api/units/activations", json(unit)));
        ChangeListReplay.ok(api.postJson(p + "/approval", json(Map.of("actId", replay.acts.get("dgrDay60")))));
        ChangeListReplay.ok(api.postJson(p + "/approval/date", json(Map.of("actId", replay.acts.get("dgrDay60"), "on", "2022-08-09"))));
        String id = it.registro.domain.poas.UnitIds.of("ASST Fixture P3", it.registro.domain.poas.api.UnitType.SC, "21301", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/units/" + id).json().get("unit").get("activation").get("date").asString()).isEqualTo("2022-08-09"));
    }

    @Test
    @Order(10)
    @DisplayName("P3 step 5: the boxes of SC 10906 (L9097) and SC 30102 (L8895-8901) carry no date: ORGANIGRAM_DATE_MISSING (INFO); the list's dates stand")
    void organigramDateMissing() {
        List<String> flagged = new ArrayList<>();
        for (JsonNode u : replay.api.get("/api/units?agency=ASST%20Cremona").json()) {
            for (JsonNode f : u.get("unit").get("flags")) {
                if (f.get("code").asString().startsWith("ORGANIGRAM_")) {
                    assertThat(f.get("code").asString()).isEqualTo("ORGANIGRAM_DATE_MISSING");
                    assertThat(f.get("severity").asString()).isEqualTo("INFO");
                    flagged.add(u.get("unit").get("type").asString() + " " + u.get("unit").get("code").asString());
                }
            }
        }
        assertThat(flagged).containsExactlyInAnyOrderElementsOf(((List<?>) expected.get("organigramDateMissing")).stream().map(String::valueOf).toList());
        assertThat(replay.unit("SC", "30102", "03027300").get("activation").get("date").asString()).isEqualTo("2022-10-01");
        assertThat(replay.unit("SC", "10906", "03090800").get("activation").get("date").asString()).isEqualTo("2023-01-01");
    }

    @Test
    @Order(11)
    @DisplayName("P3 step 6: the District 'Distretto Cremonese' (decreto 150/2022, from 2022-03-30) and SC 86003 (from 2022-08-01) are two entities, two acts")
    void districtAndDistrictStructure() {
        Api api = replay.api;
        Api.Response decree150 = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO", "number", "150",
                "date", "2022-03-29", "source", "seed 000 L10197")));
        ChangeListReplay.ok(decree150);
        String act150 = decree150.json().get("id").asString();
        // "a decorrere dal 30 marzo 2022, n. 1 Distretto dell'ASST di Cremona ... Distretto Cremonese" (L10322-10329)
        Map<String, Object> district = new java.util.LinkedHashMap<>(Map.of("agency", "ASST Cremona", "type", "DISTRICT",
                "name", "Distretto Cremonese", "effectiveRule", "DATE", "effectiveFrom", "2022-03-30",
                "rawText", "a decorrere dal 30 marzo 2022", "actId", act150, "source", "seed 000 L10322-10329"));
        Api.Response created = api.postJson("/api/units/activations", json(district));
        ChangeListReplay.ok(created);
        String districtPath = "/api/units/" + created.json().get("id").asString();
        assertThat(api.get(districtPath + "?asOf=2022-03-29").json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(api.get(districtPath + "?asOf=2022-03-30").json().get("status").asString()).isEqualTo("ACTIVE");
        JsonNode structure = replay.unit("SC", "86003", null);
        assertThat(structure.get("name").asString()).isEqualTo("DISTRETTO CREMONESE");
        assertThat(structure.get("activation").get("date").asString()).isEqualTo("2022-08-01");
        assertThat(structure.get("activation").get("scheduledByActId").asString()).isEqualTo(replay.acts.get("decree279"));
        assertThat(api.get(districtPath).json().get("unit").get("activation").get("scheduledByActId").asString()).isEqualTo(act150)
                .isNotEqualTo(replay.acts.get("decree279"));
        assertThat(created.json().get("id").asString()).isNotEqualTo(structure.get("id").asString());
    }

    /**
     * The seeds record no move and no rename (every change in them is a closure and an activation), so
     * this one is a FIXTURE: a later decree of ASST Cremona that moves SS 30102 NEUROANESTESIA under
     * SC 30101 POC and renames SC 30102 from 2023-03-01.
     */
    @Test
    @Order(12)
    @DisplayName("FIXTURE: a move and a rename decided by a later act show in the diff with that act, in the tree and in the trail")
    void moveAndRename() {
        Api api = replay.api;
        Api.Response act = api.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-cremona", "type", "DECRETO", "number", "901",
                "date", "2023-02-15", "source", "FIXTURE: no move or rename in the seeds")));
        ChangeListReplay.ok(act);
        String decree = act.json().get("id").asString();
        String ss30102 = replay.unitId("SS", "30102", "03090800");
        String sc30101 = replay.unitId("SC", "30101", "03090800");
        String sc30102 = replay.unitId("SC", "30102", "03027300");
        long events = eventCount();

        // refused, and nothing recorded: a cycle, a move before the unit's first day, an unknown act, a rename to the same name
        assertThat(api.postJson("/api/units/" + ss30102 + "/moves", json(Map.of("parentUnitId", ss30102, "effectiveFrom", "2023-03-01",
                "actId", decree))).json().get("code").asString()).isEqualTo("PARENT_CYCLE");
        assertThat(api.postJson("/api/units/" + sc30102 + "/moves", json(Map.of("parentUnitId", replay.nodes.get("DS"),
                "effectiveFrom", "2022-09-01", "actId", decree))).json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
        assertThat(api.postJson("/api/units/" + ss30102 + "/moves", json(Map.of("parentUnitId", sc30101, "effectiveFrom", "2023-03-01",
                "actId", "no-such-act"))).json().get("code").asString()).isEqualTo("UNKNOWN_ACT");
        assertThat(api.postJson("/api/units/" + sc30102 + "/renames", json(Map.of("name", "ANESTESIA E RIANIMAZIONE POOP",
                "effectiveFrom", "2023-03-01", "actId", decree))).json().get("code").asString()).isEqualTo("NOTHING_TO_CHANGE");
        assertThat(eventCount()).isEqualTo(events);

        ChangeListReplay.ok(api.postJson("/api/units/" + ss30102 + "/moves", json(Map.of("parentUnitId", sc30101,
                "effectiveFrom", "2023-03-01", "actId", decree, "reason", "FIXTURE"))));
        ChangeListReplay.ok(api.postJson("/api/units/" + sc30102 + "/renames", json(Map.of("name", "ANESTESIA E RIANIMAZIONE OGLIO PO",
                "effectiveFrom", "2023-03-01", "actId", decree))));
        // now SC 30101 is an ancestor of SS 30102: putting it under SS 30102 would loop
        assertThat(api.postJson("/api/units/" + sc30101 + "/moves", json(Map.of("parentUnitId", ss30102, "effectiveFrom", "2023-04-01",
                "actId", decree))).json().get("code").asString()).isEqualTo("PARENT_CYCLE");

        JsonNode diff = api.get("/api/units/diff?agency=ASST%20Cremona&from=2023-02-28&to=2023-03-01").json();
        assertThat(diff.get("activated").size()).isZero();
        assertThat(diff.get("closed").size()).isZero();
        assertThat(diff.get("moved").size()).isEqualTo(1);
        JsonNode moved = diff.get("moved").get(0);
        assertThat(moved.get("unit").get("unitId").asString()).isEqualTo(ss30102);
        assertThat(moved.get("fromParentUnitId").asString()).isEqualTo(replay.nodes.get("DEU"));
        assertThat(moved.get("toParentUnitId").asString()).isEqualTo(sc30101);
        assertThat(moved.get("actId").asString()).isEqualTo(decree);
        assertThat(moved.get("date").asString()).isEqualTo("2023-03-01");
        JsonNode renamed = diff.get("renamed").get(0);
        assertThat(renamed.get("fromName").asString()).isEqualTo("ANESTESIA E RIANIMAZIONE POOP");
        assertThat(renamed.get("toName").asString()).isEqualTo("ANESTESIA E RIANIMAZIONE OGLIO PO");
        assertThat(renamed.get("actId").asString()).isEqualTo(decree);
        // the day before nothing changed; a wider window still sees both
        assertThat(api.get("/api/units/diff?agency=ASST%20Cremona&from=2023-02-27&to=2023-02-28").json().get("moved").size()).isZero();
        assertThat(api.get("/api/units/diff?agency=ASST%20Cremona&from=2022-12-31&to=2023-06-30").json().get("renamed").size()).isEqualTo(1);

        // the tree on either side of the date
        assertThat(path(chart("2023-02-28"), "SS 30102")).containsExactly("DIREZIONE GENERALE", "DIREZIONE SANITARIA",
                "DIPARTIMENTO AREA EMERGENZA - URGENZA", "NEUROANESTESIA");
        assertThat(path(chart("2023-03-01"), "SS 30102")).containsExactly("DIREZIONE GENERALE", "DIREZIONE SANITARIA",
                "DIPARTIMENTO AREA EMERGENZA - URGENZA", "ANESTESIA E RIANIMAZIONE POC", "NEUROANESTESIA");
        assertThat(path(chart("2023-03-01"), "SC 30102")).last().isEqualTo("ANESTESIA E RIANIMAZIONE OGLIO PO");
        List<String> kinds = new ArrayList<>();
        api.get("/api/units/" + ss30102 + "/trail").json().forEach(t -> kinds.add(t.get("kind").asString()));
        assertThat(kinds).containsExactly("RECORDED_AS_EXISTING", "PLACED", "MOVED");
    }

    /**
     * FIXTURE again: the seeds hold no later modification of the POAS 2022-2024. This one follows the
     * review's open recommendation (a sub-acute care function, seed 000 L72-74): decree 902/2023 adopts
     * it with its own unit changes, it is submitted, reviewed and approved by a DGR 75 days later.
     */
    @Test
    @Order(13)
    @DisplayName("FIXTURE: a later POAS modification walks the same chain; only its own changes wait for its DGR, and it is version 2")
    void modificationChain() {
        Api api = replay.api;
        String decree = act("dg-asst-cremona", "DECRETO", "902", "2023-05-10");
        String dgr = act("giunta-regionale-lombardia", "DGR", "XII/1001", "2023-07-24");
        String m = replay.poas + "/modifications/m-2023-1";
        long events = eventCount();
        // before the chain starts: unknown modification, malformed id, the POAS's own adopting act again
        assertThat(api.postJson(m + "/submission", json(Map.of("on", "2023-05-10"))).json().get("code").asString())
                .isEqualTo("MODIFICATION_NOT_FOUND");
        assertThat(api.postJson(replay.poas + "/modifications", json(Map.of("modificationId", "M 1", "actId", decree, "on", "2023-05-10")))
                .json().get("field").asString()).isEqualTo("modificationId");
        assertThat(api.postJson(replay.poas + "/modifications", json(Map.of("modificationId", "m-2023-1", "actId",
                replay.acts.get("decree279"), "on", "2023-05-10"))).json().get("code").asString()).isEqualTo("ACT_ALREADY_USED");
        assertThat(eventCount()).isEqualTo(events);

        ChangeListReplay.ok(api.postJson(replay.poas + "/modifications", json(Map.of("modificationId", "m-2023-1", "actId", decree,
                "on", "2023-05-10", "label", "POAS 2022-2024, modifica 2023"))));
        // issue 20 #7: the activation names only the modification's act; its plan is derived from the act
        Map<String, Object> unit = new java.util.LinkedHashMap<>(Map.of("agency", "ASST Cremona", "type", "FUN", "code", "99901",
                "name", "CURE SUB ACUTE", "effectiveRule", "ON_APPROVAL", "rawText", "FIXTURE", "actId", decree));
        ChangeListReplay.ok(api.postJson("/api/units/activations", json(unit)));
        String subAcute = replay.unitId("FUN", "99901", null);
        assertThat(api.get("/api/units/" + subAcute).body()).contains("\"poasId\":\"" + replay.poasId + "\"");
        Map<String, Object> wrongPlan = new java.util.LinkedHashMap<>(Map.of("agency", "ASST Cremona", "type", "FUN", "code", "99902",
                "name", "FIXTURE", "effectiveRule", "DATE", "effectiveFrom", "2023-09-01", "actId", decree, "poasId", "poas-p3-variant"));
        long before = eventCount();
        assertThat(api.postJson("/api/units/activations", json(wrongPlan)).json().get("code").asString()).isEqualTo("ACT_NOT_OF_POAS");
        assertThat(eventCount()).isEqualTo(before);
        ChangeListReplay.ok(api.postJson(m + "/submission", json(Map.of("on", "2023-05-10", "protocol", "G1.2023.FIXTURE", "channel", "POAS WEB"))));
        assertThat(api.get(replay.poas).json().get("status").asString()).isEqualTo("MODIFICATION_IN_PROGRESS");
        // day 71 without a DGR: the modification is on the deadline report, 11 days over
        JsonNode overdue = api.get("/api/poas/deadlines?agency=ASST%20Cremona&asOf=2023-07-20").json();
        assertThat(overdue.size()).isEqualTo(1);
        assertThat(overdue.get(0).get("modificationId").asString()).isEqualTo("m-2023-1");
        assertThat(overdue.get(0).get("daysOver").asLong()).isEqualTo(11);
        // a second one cannot start while this one is open
        assertThat(api.postJson(replay.poas + "/modifications", json(Map.of("modificationId", "m-2023-2", "actId", dgr, "on", "2023-06-01")))
                .json().get("code").asString()).isEqualTo("MODIFICATION_IN_PROGRESS");
        ChangeListReplay.ok(api.postJson(m + "/reviews", json(Map.of("on", "2023-06-30", "by", "DG Welfare", "outcome", "FAVOURABLE"))));
        assertThat(api.get("/api/units/" + subAcute + "?asOf=2023-08-01").json().get("status").asString()).isEqualTo("SCHEDULED");
        ChangeListReplay.ok(api.postJson(m + "/approval", json(Map.of("actId", dgr, "on", "2023-07-24", "voteAsRecorded", "A voti unanimi"))));

        JsonNode chain = api.get(replay.poas).json();
        assertThat(chain.get("status").asString()).isEqualTo("AMENDED");
        List<String> kinds = new ArrayList<>();
        chain.get("chain").forEach(step -> kinds.add(step.get("kind").asString()));
        assertThat(kinds.subList(kinds.size() - 4, kinds.size()))
                .containsExactly("MODIFICATION_ADOPTED", "MODIFICATION_SUBMITTED", "MODIFICATION_REVIEWED", "MODIFICATION_APPROVED");
        boolean flagged = false;
        for (JsonNode f : chain.get("poas").get("flags")) {
            flagged |= f.get("daysOver").asLong() == 15 && f.get("dueOn").asString().equals("2023-07-09");
        }
        assertThat(flagged).as("75 days: flagged 15 over, never refused").isTrue();
        // version 2 from the DGR's date, proposed by the decree; version 1 before it
        JsonNode current = api.get("/api/poas?agency=ASST%20Cremona&asOf=2023-08-01").json().get("version");
        assertThat(current.get("number").asInt()).isEqualTo(2);
        assertThat(current.get("actId").asString()).isEqualTo(dgr);
        assertThat(current.get("proposingActId").asString()).isEqualTo(decree);
        assertThat(api.get("/api/poas?agency=ASST%20Cremona&asOf=2023-07-23").json().get("version").get("number").asInt()).isEqualTo(1);
        // its unit takes the DGR's date; the 2022 changes keep the 2022 DGR
        JsonNode activation = api.get("/api/units/" + subAcute).json().get("unit").get("activation");
        assertThat(activation.get("date").asString()).isEqualTo("2023-07-24");
        assertThat(activation.get("approvedByActId").asString()).isEqualTo(dgr);
        assertThat(replay.unit("SC", "21301", "03090800").get("activation").get("approvedByActId").asString())
                .isEqualTo(replay.acts.get("dgr"));
        JsonNode diff = api.get("/api/units/diff?agency=ASST%20Cremona&from=2023-07-23&to=2023-07-24").json();
        assertThat(codes(diff.get("activated"))).containsExactly("FUN 99901");
    }

    private String act(String issuer, String type, String number, String date) {
        Api.Response r = replay.api.postJson("/api/acts", json(Map.of("issuerBodyId", issuer, "type", type, "number", number, "date", date,
                "source", "FIXTURE: no later POAS modification in the seeds")));
        ChangeListReplay.ok(r);
        return r.json().get("id").asString();
    }

    @Test
    @Order(8)
    @DisplayName("the POAS audit trail, JSON and CSV: every scheduled change with who recorded it and when, beside when it takes effect")
    void auditExport() {
        JsonNode rows = replay.api.get(replay.poas + "/audit").json();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        java.time.Instant previous = java.time.Instant.EPOCH;
        for (JsonNode r : rows) {
            kinds.merge(r.get("kind").asString(), 1, Integer::sum);
            java.time.Instant at = java.time.Instant.parse(r.get("recordedAt").asString());
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
        }
        assertThat(kinds.get("ACTIVATION_SCHEDULED")).isEqualTo(24);
        assertThat(kinds.get("CLOSURE_SCHEDULED")).isEqualTo(7);
        assertThat(kinds).containsKeys("POAS_ADOPTED", "POAS_SUBMITTED", "POAS_REVIEWED", "POAS_APPROVED", "CHANGE_APPROVED");
        for (JsonNode r : rows) {
            if (r.get("kind").asString().equals("ACTIVATION_SCHEDULED")) {
                assertThat(r.get("recordedBy").asString()).isEqualTo("tester");
                assertThat(r.get("actId").asString()).isEqualTo(replay.acts.get("decree279"));
            }
        }
        Api.Response csv = replay.api.get(replay.poas + "/audit.csv", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(1 + rows.size());
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo(
                "recorded_at,recorded_by,kind,unit_id,type,code,name,business_date,act_id,detail,source");
        assertThat(replay.api.get("/api/poas/no-such-poas/audit").json().get("code").asString()).isEqualTo("POAS_NOT_FOUND");
    }

    @Test
    @Order(9)
    @DisplayName("issue 20 #4: a POAS step and a unit's scheduled change are corrected with a reason; the deadline and the unit follow")
    void corrections() {
        Api api = replay.api;
        String adoption = act("dg-asst-cremona", "DECRETO", "903", "2024-01-10");
        String dgr = act("giunta-regionale-lombardia", "DGR", "XII/1002", "2024-03-01");
        String p = "/api/poas/poas-fixture-rettifiche";
        ChangeListReplay.ok(api.postJson("/api/poas", json(Map.of("id", "poas-fixture-rettifiche", "agencyName", "ASST Fixture Rettifiche",
                "period", "2024-2026"))));
        ChangeListReplay.ok(api.postJson(p + "/adoption", json(Map.of("actId", adoption, "on", "2024-01-10"))));
        ChangeListReplay.ok(api.postJson(p + "/submission", json(Map.of("on", "2024-01-15", "protocol", "G1.2024.1"))));
        ChangeListReplay.ok(api.postJson(p + "/approval", json(Map.of("actId", dgr, "on", "2024-03-01"))));
        assertThat(api.get(p).json().get("poas").get("flags").size()).isZero();
        // the DGR's true date is 20/03: day 65, five days over the 60
        ChangeListReplay.ok(api.postJson(p + "/corrections", json(Map.of("step", "APPROVAL", "changes", Map.of("on", "2024-03-20"),
                "reason", "data della DGR errata nel verbale"))));
        JsonNode corrected = api.get(p).json();
        assertThat(corrected.get("poas").get("approval").get("on").asString()).isEqualTo("2024-03-20");
        assertThat(corrected.get("poas").get("flags").get(0).get("daysOver").asLong()).isEqualTo(5);
        assertThat(corrected.toString()).contains("data della DGR errata nel verbale");
        ChangeListReplay.ok(api.postJson(p + "/corrections", json(Map.of("step", "APPROVAL", "changes", Map.of("on", "2024-03-10"),
                "reason", "data esatta"))));
        assertThat(api.get(p).json().get("poas").get("flags").size()).isZero();
        long before = eventCount();
        assertThat(api.postJson(p + "/corrections", json(Map.of("step", "SUBMISSION", "changes", Map.of("on", "2024-03-11"), "reason", "x")))
                .json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
        assertThat(eventCount()).isEqualTo(before);

        Api.Response unit = api.postJson("/api/units/activations", json(Map.of("agency", "ASST Fixture Rettifiche", "type", "SC",
                "code", "FIXTURE-R1", "name", "UNITÀ RETTIFICATA", "effectiveRule", "DATE", "effectiveFrom", "2024-04-01", "actId", adoption)));
        ChangeListReplay.ok(unit);
        String u = "/api/units/" + unit.json().get("id").asString();
        assertThat(api.get(u).json().get("unit").get("activation").get("poasId").asString()).isEqualTo("poas-fixture-rettifiche");
        ChangeListReplay.ok(api.postJson(u + "/corrections", json(Map.of("change", "ACTIVATION", "changes", Map.of("effectiveFrom", "2024-05-01"),
                "reason", "data dell'elenco errata"))));
        assertThat(api.get(u).json().get("unit").get("activation").get("date").asString()).isEqualTo("2024-05-01");
        assertThat(api.get(u + "?asOf=2024-04-15").json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(api.get(u + "/trail").body()).contains("ACTIVATION_CORRECTED", "data dell'elenco errata");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.mongodb.client.MongoClient mongoClient;
    @org.springframework.beans.factory.annotation.Autowired
    it.registro.app.store.StoreDatabase storeDatabase;

    private long eventCount() {
        return new it.registro.app.support.EventCounter(mongoClient, storeDatabase).total();
    }
}
