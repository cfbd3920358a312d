package it.registro.app.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import it.registro.app.support.ScenarioFile;
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's territory of ATS Val Padana through the API: the table of ambiti (L10381-10404) with the comuni of each
 * (L10408-10453), Oglio Po served by two ASSTs (L10388-10394, L2375-2376), and the Distretto Cremonese established over
 * ambito 50006 by decree 150 of 29/03/2022 (L2341-2343). Its members derived on a day match the seed's own list of the
 * district's 48 comuni (L10455-10463) and its 156.113 inhabitants (L10495).
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerritoryScenarioTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    EventCounter events;
    ScenarioFile seed;
    /** Comune name as the seed writes it → its id. */
    final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void load() {
        api = new Api(port);
        events = new EventCounter(mongoClient, storeDatabase);
        seed = ScenarioFile.load("t000-territory.yaml");
        String from = seed.text("referenceDate");
        Map<String, Object> provinces = seed.map("province");
        for (Map<String, Object> a : seed.list("ambiti")) {
            String code = String.valueOf(a.get("id"));
            boolean cremonese = code.equals("50002") || code.equals("50006");
            ok(api.postJson("/api/territory/ambiti", json(Map.of("id", code, "nationalCode", a.get("nationalCode"), "name", a.get("name"),
                    "source", a.get("source")))), 201);
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) a.get("names");
            for (String name : names) {
                String province = provinces.containsKey(name) ? String.valueOf(provinces.get(name)) : cremonese ? "CR" : "MN";
                JsonNode created = ok(api.postJson("/api/comuni", json(Map.of("name", name, "province", province))), 201).json();
                ids.put(name, created.get("id").asString());
                ok(api.postJson("/api/territory/ambiti/" + code + "/comuni", json(Map.of("comuneId", ids.get(name), "from", from,
                        "source", a.get("listSource")))), 200);
            }
            if (a.get("agency") != null) {
                ok(api.postJson("/api/territory/ambiti/" + code + "/agencies", json(Map.of("agency", a.get("agency"), "from", from,
                        "source", a.get("source")))), 200);
            } else {
                for (Map<String, Object> share : ScenarioFile.list(a, "agencies")) {
                    List<String> comuni = names.stream().filter(n -> share.get("province").equals(provinces.get(n))).map(ids::get).toList();
                    ok(api.postJson("/api/territory/ambiti/" + code + "/agencies", json(Map.of("agency", share.get("agency"), "comuni", comuni,
                            "from", from, "source", a.get("source") + ", L2375-2376"))), 200);
                }
            }
            // all eight ambiti are ATS Val Padana's (seed 000 L10381-10404: the table of ATS della Val Padana)
            ok(api.postJson("/api/territory/ambiti/" + code + "/agencies", json(Map.of("level", "ATS", "agency", "ATS Val Padana", "from", from,
                    "source", "seed 000 L10381-10404"))), 200);
            ok(api.postJson("/api/territory/ambiti/" + code + "/populations", json(Map.of("population", a.get("population"),
                    "comuni", a.get("comuni"), "referenceDate", from, "source", a.get("source")))), 200);
        }
        ok(api.postJson("/api/territory/districts", json(seed.map("district"))), 201);
    }

    @Test
    @DisplayName("the Distretto Cremonese on 1/4/2022: the seed's 48 comuni (L10455-10463) and 156.113 inhabitants (L10495)")
    void districtMembersMatchTheSeed() {
        JsonNode district = ok(api.get("/api/territory/districts/distretto-cremonese?on=2022-04-01"), 200).json();
        List<String> expected = new ArrayList<>();
        for (Object name : (List<?>) seedValue("districtComuni")) {
            expected.add(ids.get(String.valueOf(name)));
        }
        assertThat(district.get("comuniCount").asInt()).isEqualTo(48);
        assertThat(district.get("comuni").valueStream().map(c -> c.get("comuneId").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(district.get("comuni").valueStream().map(c -> c.get("agency").asString()).distinct().toList())
                .containsExactly("ASST Cremona");
        assertThat(district.get("population").asLong()).isEqualTo(((Number) seedValue("districtPopulation")).longValue());
        assertThat(district.get("populationBasis").asString()).as("no comune has a figure yet: the ambito's declared one").isEqualTo("DECLARED");
        assertThat(district.get("ambiti").get(0).get("nationalCode").asString()).isEqualTo("lom_36");
        assertThat(district.get("problems").size()).isZero();

        JsonNode before = ok(api.get("/api/territory/districts/distretto-cremonese?on=2022-03-29"), 200).json();
        assertThat(before.get("comuniCount").asInt()).isZero();
        assertThat(before.get("problems").get(0).get("code").asString()).isEqualTo("DISTRICT_NOT_YET_ESTABLISHED");
    }

    @Test
    @DisplayName("Oglio Po spans two ASSTs (L10388-10394): its 17 comuni of the province of Cremona count for ASST Cremona, its 10 for ASST Mantova")
    void anAmbitoOverTwoAgencies() {
        JsonNode cremona = ok(api.get("/api/territory/agencies/ASST%20Cremona?on=2022-04-01"), 200).json();
        assertThat(cremona.get("comuniCount").asInt()).isEqualTo(48 + 17);
        assertThat(cremona.get("comuni").valueStream().filter(c -> c.get("ambitoId").asString().equals("50097")).count()).isEqualTo(17);
        assertThat(cremona.get("populationBasis").asString()).as("part of an ambito: no declared figure applies").isEqualTo("INCOMPLETE");
        JsonNode mantova = ok(api.get("/api/territory/agencies/ASST%20Mantova?on=2022-04-01"), 200).json();
        assertThat(mantova.get("comuniCount").asInt()).isEqualTo(10 + 12 + 9 + 14 + 13 + 6);
        JsonNode ogliopo = ok(api.get("/api/territory/ambiti/50097?on=2022-04-01"), 200).json();
        assertThat(ogliopo.get("comuni").valueStream().map(c -> c.get("agency").asString()).distinct().sorted().toList())
                .containsExactly("ASST Cremona", "ASST Mantova");
        assertThat(ogliopo.get("population").asLong()).isEqualTo(82_358);
        assertThat(ok(api.get("/api/territory/agencies/ASST%20Nessuna?on=2022-04-01"), 404).json().get("code").asString())
                .isEqualTo("AGENCY_NOT_FOUND");
    }

    @Test
    @DisplayName("ATS Val Padana's territory: the eight ambiti of the table, 177 comuni, 758.303 inhabitants declared; each comune names its ASST and ATS")
    void theAtsTerritory() {
        JsonNode ats = ok(api.get("/api/territory/agencies/ATS%20Val%20Padana?on=2022-04-01"), 200).json();
        assertThat(ats.get("comuniCount").asInt()).isEqualTo(48 + 48 + 27 + 12 + 9 + 14 + 13 + 6);
        assertThat(ats.get("ambiti").size()).isEqualTo(8);
        assertThat(ats.get("populationBasis").asString()).as("whole ambiti: their declared figures").isEqualTo("DECLARED");
        assertThat(ats.get("population").asLong()).isEqualTo(160_469 + 156_113 + 82_358 + 45_174 + 64_449 + 155_846 + 42_765 + 51_129);
        JsonNode casalmaggiore = ats.get("comuni").valueStream().filter(c -> c.get("comuneId").asString().equals(ids.get("Casalmaggiore")))
                .findFirst().orElseThrow();
        assertThat(casalmaggiore.get("agency").asString()).isEqualTo("ASST Cremona");
        assertThat(casalmaggiore.get("ats").asString()).isEqualTo("ATS Val Padana");
    }

    @Test
    @DisplayName("a comune's ISTAT code: six digits, once")
    void istatCode() {
        String cremona = "/api/comuni/" + ids.get("Cremona");
        ok(api.postJson(cremona + "/istat-code", "{\"istatCode\":\"019036\",\"source\":\"ISTAT, elenco dei comuni\"}"), 200);
        assertThat(api.get(cremona).json().get("istatCode").asString()).isEqualTo("019036");
        assertThat(ok(api.postJson(cremona + "/istat-code", "{\"istatCode\":\"019037\"}"), 409).json().get("code").asString())
                .isEqualTo("ISTAT_CODE_ALREADY_RECORDED");
        ok(api.postJson(cremona + "/istat-code", "{\"istatCode\":\"19036\"}"), 400);
    }

    @Test
    @DisplayName("a body's mayors' seats checked against its district: the comune without a seat and the seat outside are named")
    void compositionCheckedAgainstTheTerritory() {
        ok(api.postJson("/api/bodies", """
                {"id":"assemblea-distretto-cremonese","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Cremona"},
                 "name":"Assemblea dei Sindaci del Distretto Cremonese"}"""), 201);
        String body = "/api/bodies/assemblea-distretto-cremonese";
        long before = events.total();
        assertThat(ok(api.postJson(body + "/territory", """
                {"kind":"AGENCY","territoryId":"ASST Cremona","from":"2022-03-30"}"""), 422).json().get("code").asString())
                .isEqualTo("TERRITORY_KIND_MISMATCH");
        assertThat(events.total()).as("a refused command stores nothing").isEqualTo(before);
        ok(api.postJson(body + "/territory", """
                {"kind":"DISTRICT","territoryId":"distretto-cremonese","from":"2022-03-30","source":"seed 000 L2341-2343"}"""), 200);
        for (Object name : (List<?>) seedValue("districtComuni")) {
            if (!name.equals("Volongo")) {
                ok(api.postJson(body + "/seats", json(Map.of("role", "MAYOR", "constituency", ids.get(String.valueOf(name))))), 201);
            }
        }
        ok(api.postJson(body + "/seats", json(Map.of("role", "MAYOR", "constituency", ids.get("Crema")))), 201);

        JsonNode check = ok(api.get(body + "/territory-check?on=2022-04-01"), 200).json();
        assertThat(check.get("agrees").asBoolean()).isFalse();
        assertThat(check.get("seats").asInt()).isEqualTo(48);
        assertThat(check.get("comuniWithoutSeat").valueStream().map(JsonNode::asString).toList()).containsExactly(ids.get("Volongo"));
        assertThat(check.get("seatsOutsideTerritory").valueStream().map(JsonNode::asString).toList()).containsExactly(ids.get("Crema"));
        assertThat(check.get("derived").get("population").asLong()).isEqualTo(156_113);
        String page = api.get("/web/bodies/assemblea-distretto-cremonese?asOf=2022-04-01").body();
        assertThat(page).contains("Territorio", "Distretto Cremonese", "48 comuni", "156.113 abitanti",
                "Comuni del territorio senza seggio:", "Volongo", "Seggi di comuni fuori dal territorio:", "Crema");

        JsonNode mayor = ok(Api.as(port, "mayor").get(body + "/territory-check?on=2022-04-01"), 200).json();
        assertThat(mayor.get("agrees").asBoolean()).as("mayors read").isFalse();
        assertThat(Api.as(port, "mayor").postJson("/api/territory/ambiti", "{\"id\":\"99999\",\"name\":\"X\"}").status())
                .as("only an administrator records the territory").isEqualTo(403);
    }

    @Test
    @DisplayName("a comune that moves: Volongo leaves ambito 50006 on 1/1/2023; the district then has 47 and the ambito's declared 48 is flagged")
    void aComuneMoves() {
        String volongo = ids.get("Volongo");
        ok(api.postJson("/api/territory/ambiti/50006/comuni/" + volongo + "/removal", """
                {"from":"2023-01-01","source":"FIXTURE: a comune that moves"}"""), 200);
        ok(api.postJson("/api/territory/ambiti/50097/comuni", json(Map.of("comuneId", volongo, "from", "2023-01-01"))), 200);
        long before = events.total();
        assertThat(ok(api.postJson("/api/territory/ambiti/50097/comuni", json(Map.of("comuneId", volongo, "from", "2023-06-01"))), 409)
                .json().get("code").asString()).isEqualTo("COMUNE_ALREADY_IN_AMBITO");
        assertThat(events.total()).isEqualTo(before);

        assertThat(ok(api.get("/api/territory/districts/distretto-cremonese?on=2022-12-31"), 200).json().get("comuniCount").asInt()).isEqualTo(48);
        JsonNode after = ok(api.get("/api/territory/districts/distretto-cremonese?on=2023-01-01"), 200).json();
        assertThat(after.get("comuniCount").asInt()).isEqualTo(47);
        assertThat(after.get("problems").valueStream().map(p -> p.get("code").asString()).toList()).containsExactly("AMBITO_COUNT_DIFFERS");
        // nobody assigned Volongo to an ASST in Oglio Po: it is listed there with no ASST, not dropped
        JsonNode ogliopo = ok(api.get("/api/territory/ambiti/50097?on=2023-02-01"), 200).json();
        assertThat(ogliopo.get("comuni").valueStream().filter(c -> c.get("comuneId").asString().equals(volongo))
                .map(c -> c.get("agency").isNull()).toList()).containsExactly(true);
    }

    @Test
    @DisplayName("bad input: a malformed id, a missing day, an unknown ambito or district")
    void badInput() {
        long before = events.total();
        JsonNode malformed = ok(api.postJson("/api/territory/ambiti", "{\"id\":\"50 006\",\"name\":\"X\"}"), 400).json();
        assertThat(malformed.get("code").asString()).isNotBlank();
        ok(api.postJson("/api/territory/ambiti/50006/comuni", "{\"comuneId\":\"comune-cremona\"}"), 400);
        assertThat(ok(api.postJson("/api/territory/ambiti/00000/comuni", "{\"comuneId\":\"comune-cremona\",\"from\":\"2022-01-01\"}"), 404)
                .json().get("code").asString()).isEqualTo("AMBITO_NOT_FOUND");
        assertThat(ok(api.get("/api/territory/districts/distretto-nessuno"), 404).json().get("code").asString()).isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(events.total()).isEqualTo(before);
    }

    private Object seedValue(String key) {
        return seed.value(key);
    }

    private static Api.Response ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}
