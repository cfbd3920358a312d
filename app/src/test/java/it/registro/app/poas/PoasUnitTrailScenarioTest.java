package it.registro.app.poas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.ScenarioTest;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P5 of poas-000.md: the audit trail of the Anestesia e Rianimazione POOP pair. P1 steps 1-12, the P2
 * import, then the DGR dated 2022-08-01 (FIXTURE); then SSD 30101 (closes 2022-09-30, L10134-10138,
 * L8890) is linked as predecessor of SC 30102 (opens 2022-10-01, L9987-9995): UPGRADE, INFERRED.
 */
@ScenarioTest
class PoasUnitTrailScenarioTest {

    @LocalServerPort
    int port;

    ChangeListReplay replay;
    String ssd;
    String sc;

    @BeforeAll
    void replay() {
        replay = new ChangeListReplay(new Api(port)).untilReview().importChangeList();
        ChangeListReplay.ok(replay.api.postJson(replay.poas + "/approval", json(replay.withAct(replay.chain.map("approval")))));
        ssd = replay.unitId("SSD", "30101", null);
        sc = replay.unitId("SC", "30102", "03027300");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(trail(sc)).extracting(t -> t.get("kind").asString()).contains("CHANGE_APPROVED"));
        // the wrong direction is refused: SSD 30101 already existed before SC 30102 starts
        Api.Response wrong = replay.api.postJson("/api/units/" + ssd + "/predecessors",
                json(Map.of("predecessorUnitId", sc, "kind", "UPGRADE", "basis", "INFERRED")));
        assertThat(wrong.json().get("code").asString()).isEqualTo("DATES_OUT_OF_ORDER");
        ChangeListReplay.ok(replay.api.postJson("/api/units/" + sc + "/predecessors", json(Map.of("predecessorUnitId", ssd,
                "kind", "UPGRADE", "basis", "INFERRED", "evidence", "same name and site; closes 2022-09-30, opens 2022-10-01"))));
    }

    private List<JsonNode> trail(String unitId) {
        List<JsonNode> entries = new ArrayList<>();
        replay.api.get("/api/units/" + unitId + "/trail").json().forEach(entries::add);
        return entries;
    }

    private static void entry(JsonNode e, String kind, String businessDate, String actId, String otherUnitId, String source) {
        assertThat(e.get("kind").asString()).isEqualTo(kind);
        if (businessDate == null) {
            assertThat(e.get("businessDate").isNull()).as(kind).isTrue();
        } else {
            assertThat(e.get("businessDate").asString()).as(kind).isEqualTo(businessDate);
        }
        if (actId == null) {
            assertThat(e.get("actId").isNull()).as(kind).isTrue();
        } else {
            assertThat(e.get("actId").asString()).as(kind).isEqualTo(actId);
        }
        if (otherUnitId != null) {
            assertThat(e.get("otherUnitId").asString()).as(kind).isEqualTo(otherUnitId);
        }
        if (source != null) {
            assertThat(e.get("source").asString()).as(kind).contains(source);
        }
        assertThat(e.get("recordedBy").asString()).as(kind).isEqualTo("tester");
    }

    private static void recordingOrder(List<JsonNode> trail) {
        for (int i = 1; i < trail.size(); i++) {
            // compared as instants: ISO text without millis ("…37Z") sorts after "…37.225Z"
            assertThat(java.time.Instant.parse(trail.get(i).get("recordedAt").asString()))
                    .isAfterOrEqualTo(java.time.Instant.parse(trail.get(i - 1).get("recordedAt").asString()));
        }
    }

    @Test
    @DisplayName("P5: SSD 30101 — recorded as existing, closure 2022-09-30 under decree 279, approved by the DGR, succeeded by SC 30102")
    void predecessorTrail() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(trail(ssd)).hasSize(4));
        List<JsonNode> t = trail(ssd);
        entry(t.get(0), "RECORDED_AS_EXISTING", null, null, null, "L8885-8890");
        assertThat(t.get(0).get("detail").asString()).isEqualTo("origin act unknown");
        entry(t.get(1), "CLOSURE_SCHEDULED", "2022-09-30", replay.acts.get("decree279"), null, "L10134-10138");
        assertThat(t.get(1).get("rawText").asString()).isEqualTo("30/09/2022 Da Chiudere");
        assertThat(t.get(1).get("source").asString()).contains("L8890");
        entry(t.get(2), "CHANGE_APPROVED", "2022-08-01", replay.acts.get("dgr"), null, null);
        entry(t.get(3), "SUCCEEDED_BY", null, null, sc, null);
        assertThat(t.get(3).get("detail").asString()).startsWith("UPGRADE; INFERRED");
        recordingOrder(t);
    }

    @Test
    @DisplayName("P5: SC 30102 — activation 2022-10-01 under decree 279 (parent Emergenza-Urgenza), approved by the DGR, succeeds SSD 30101")
    void successorTrail() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(trail(sc)).hasSize(3));
        List<JsonNode> t = trail(sc);
        entry(t.get(0), "ACTIVATION_SCHEDULED", "2022-10-01", replay.acts.get("decree279"), null, "L9987-9995");
        assertThat(t.get(0).get("rawText").asString()).isEqualTo("01/10/2022 Da Attivare");
        assertThat(t.get(0).get("detail").asString()).contains("DIPARTIMENTO AREA EMERGENZA - URGENZA");
        entry(t.get(1), "CHANGE_APPROVED", "2022-08-01", replay.acts.get("dgr"), null, null);
        entry(t.get(2), "SUCCEEDS", null, null, ssd, null);
        recordingOrder(t);
        JsonNode unit = replay.unit("SC", "30102", "03027300");
        assertThat(unit.get("presidio").asString()).isEqualTo("03027300");
        assertThat(unit.get("predecessors").get(0).get("unitId").asString()).isEqualTo(ssd);
    }

    @Test
    @DisplayName("P5: units that share a code are untouched; 30101 and 30102 are two units each")
    void sharedCodes() {
        for (String id : List.of(replay.unitId("SC", "30101", "03090800"), replay.unitId("SS", "30102", "03090800"))) {
            assertThat(trail(id)).extracting(e -> e.get("kind").asString()).containsExactly("RECORDED_AS_EXISTING");
        }
        assertThat(replay.api.get("/api/units?agency=ASST%20Cremona&code=30101").json().size()).isEqualTo(2);
        assertThat(replay.api.get("/api/units?agency=ASST%20Cremona&code=30102").json().size()).isEqualTo(2);
    }

    @Test
    @DisplayName("P5: the same changes appear among all the POAS changes, with their recording time beside the business date")
    void allPoasChanges() {
        JsonNode rows = replay.api.get(replay.poas + "/changes").json().get("changes");
        List<String> pair = new ArrayList<>();
        for (JsonNode r : rows) {
            if (r.get("unitId").asString().equals(ssd) || r.get("unitId").asString().equals(sc)) {
                pair.add(r.get("change").get("kind").asString() + " " + r.get("change").get("date").asString());
                assertThat(r.get("change").get("recordedAt").asString()).isNotBlank();
                assertThat(r.get("change").get("approvedOn").asString()).isEqualTo("2022-08-01");
            }
        }
        assertThat(pair).containsExactlyInAnyOrder("CLOSURE 2022-09-30", "ACTIVATION 2022-10-01");
    }

    @Test
    @DisplayName("P5 refusals: a second closure of SSD 30101; a succession linked twice")
    void refusals() {
        Api.Response second = replay.api.postJson("/api/units/" + ssd + "/closure",
                json(Map.of("lastDay", "2022-10-31", "actId", replay.acts.get("decree279"))));
        assertThat(second.json().get("code").asString()).isEqualTo("CHANGE_ALREADY_SCHEDULED");
        Api.Response again = replay.api.postJson("/api/units/" + sc + "/predecessors",
                json(Map.of("predecessorUnitId", ssd, "kind", "UPGRADE", "basis", "INFERRED")));
        assertThat(again.json().get("code").asString()).isEqualTo("SUCCESSION_ALREADY_LINKED");
        assertThat(trail(ssd)).hasSize(4);
    }
}
