package it.registro.app.office;

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
import tools.jackson.databind.JsonNode;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organs and terms (issue 24 item 4), as seed 000 describes them for ASST Cremona: the Collegio Sindacale's three-year
 * term and its three designators (L1012-1014), the strategic directors' three to five years (L1059-1060), the Nucleo di
 * Valutazione (L1214) as one more kind, and the DG's delegations "a valere non oltre la durata del suo proprio incarico"
 * (L1342-1344). Persons and dates are FIXTURE, under an agency of the test's own.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MandatesApiTest {

    private static final String AGENCY = "ASST Mandati";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    Api api;
    EventCounter events;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        events = new EventCounter(mongoClient, storeDatabase);
        kind("mandati-collegio-sindacale", "Collegio Sindacale", Map.of("kind", "FIXED", "years", 3, "basisAsRecorded", "dura in carica per tre anni"),
                List.of("Regione Lombardia", "Ministero dell'Economia e delle Finanze", "Ministero della Salute"), "seed 000 L1012-1014");
        kind("mandati-direttore-generale", "Direttore Generale", Map.of("kind", "RANGE", "minYears", 3, "maxYears", 5, "basisAsRecorded", "FIXTURE"),
                List.of(), "FIXTURE");
        kind("mandati-direttore-amministrativo", "Direttore Amministrativo", Map.of("kind", "RANGE", "minYears", 3, "maxYears", 5,
                "basisAsRecorded", "non può essere inferiore a tre e superiore a cinque anni"), List.of(), "seed 000 L1057-1060");
        kind("mandati-nucleo-di-valutazione", "Nucleo di Valutazione delle Prestazioni", Map.of("kind", "OPEN"), List.of(), "seed 000 L1214");
        mandate("dg-alfa", "mandati-direttore-generale", "Alfa Direttore", null, "2019-01-01", "2023-12-31");
        mandate("dg-beta", "mandati-direttore-generale", "Beta Direttore", null, "2024-01-01", "2028-12-31");
        mandate("da-gamma", "mandati-direttore-amministrativo", "Gamma Amministrativo", null, "2020-01-01", "2024-12-31");
        mandate("cs-mef", "mandati-collegio-sindacale", "Componente MEF", "Ministero dell'Economia e delle Finanze", "2022-01-01", null);
        ok(api.postJson("/api/mandates/dg-alfa/delegations", json(Map.of("id", "deleghe-personale", "delegateOrganKindId", "mandati-direttore-amministrativo",
                "scopeAsRecorded", "atti di gestione del personale", "from", "2021-01-01", "byActRef", "Decreto DG n. 9401 del 01/01/2021",
                "source", "FIXTURE, in the form of seed 000 L1342-1344"))), 200);
    }

    @Test
    @DisplayName("who was Direttore Generale on a day; the delegation in force while the DG's mandate runs, and not after it ended early")
    void holdersAndDelegations() {
        assertThat(holders("mandati-direttore-generale", "2022-06-01")).containsExactly("Alfa Direttore");
        assertThat(holders("mandati-direttore-generale", "2024-06-01")).containsExactly("Beta Direttore");
        JsonNode alfa = only(api.get("/api/mandates?agency=ASST%20Mandati&organKind=mandati-direttore-generale&on=2023-06-01").json(), "dg-alfa");
        assertThat(alfa.get("delegationsInForce").get(0).get("until").asString()).as("no end stated: the mandate's").isEqualTo("2023-12-31");

        long before = events.total();
        assertThat(ok(api.postJson("/api/mandates/dg-alfa/delegations", json(Map.of("id", "deleghe-oltre", "delegatePersonId", "p-x",
                "scopeAsRecorded", "x", "from", "2023-01-01", "until", "2024-06-30"))), 422).json().get("code").asString())
                .isEqualTo("DELEGATION_BEYOND_MANDATE");
        assertThat(events.total()).isEqualTo(before);

        ok(api.postJson("/api/mandates/dg-alfa/end", json(Map.of("lastDay", "2023-09-30", "reason", "dimissioni"))), 200);
        JsonNode after = only(api.get("/api/mandates?agency=ASST%20Mandati&organKind=mandati-direttore-generale&on=2023-10-01").json(), "dg-alfa");
        assertThat(after.get("status").asString()).isEqualTo("ENDED");
        assertThat(after.get("delegationsInForce").size()).as("the delegation ends with the mandate").isZero();
    }

    @Test
    @DisplayName("mandates expiring and expired are flagged for the secretariat; a term outside the rule, or from another designator, is refused")
    void expiringExpiredAndRefused() {
        JsonNode november = api.get("/api/mandates?agency=ASST%20Mandati&on=2024-11-15&expiringWithinDays=90").json();
        assertThat(only(november, "da-gamma").get("status").asString()).isEqualTo("EXPIRING");
        assertThat(only(november, "cs-mef").get("status").asString()).isEqualTo("EXPIRING");
        assertThat(only(november, "cs-mef").get("mandate").get("until").asString()).as("three years from 1/1/2022").isEqualTo("2024-12-31");
        JsonNode march = api.get("/api/mandates?agency=ASST%20Mandati&on=2025-03-01").json();
        assertThat(only(march, "cs-mef").get("status").asString()).as("nobody recorded after it").isEqualTo("EXPIRED");
        assertThat(only(march, "dg-beta").get("status").asString()).isEqualTo("RUNNING");

        long before = events.total();
        assertThat(ok(api.postJson("/api/mandates", json(Map.of("id", "da-breve", "agency", AGENCY, "organKindId", "mandati-direttore-amministrativo",
                "nameAsRecorded", "Breve", "from", "2025-01-01", "until", "2026-12-31"))), 422).json().get("code").asString()).isEqualTo("TERM_OUTSIDE_RULE");
        assertThat(ok(api.postJson("/api/mandates", json(Map.of("id", "cs-provincia", "agency", AGENCY, "organKindId", "mandati-collegio-sindacale",
                "nameAsRecorded", "X", "designatedBy", "Provincia di Cremona", "from", "2025-01-01"))), 422).json().get("code").asString())
                .isEqualTo("DESIGNATOR_NOT_PROVIDED");
        assertThat(ok(api.postJson("/api/mandates", json(Map.of("id", "ignoto", "agency", AGENCY, "organKindId", "mandati-comitato-inesistente",
                "nameAsRecorded", "X", "from", "2025-01-01"))), 422).json().get("code").asString()).isEqualTo("ORGAN_KIND_UNKNOWN");
        assertThat(events.total()).isEqualTo(before);
        assertThat(Api.as(port, "clerk").postJson("/api/mandates", json(Map.of("id", "clerk", "agency", AGENCY, "organKindId",
                "mandati-nucleo-di-valutazione", "nameAsRecorded", "X", "from", "2025-01-01"))).status()).isEqualTo(403);
        String page = api.get("/web/mandates?agency=ASST%20Mandati&asOf=2025-03-01").body();
        assertThat(page).contains("Incarichi e scadenze", "scaduto, da rinnovare", "in carica", "Collegio Sindacale").doesNotContain("EXPIRED");
        assertThat(api.get("/api/organ-kinds").json().valueStream().map(k -> k.get("id").asString()).toList())
                .contains("mandati-nucleo-di-valutazione", "mandati-collegio-sindacale");
    }

    private List<String> holders(String kind, String on) {
        return api.get("/api/mandates?agency=ASST%20Mandati&organKind=" + kind + "&on=" + on).json().valueStream()
                .filter(m -> List.of("RUNNING", "EXPIRING").contains(m.get("status").asString()))
                .map(m -> m.get("mandate").get("nameAsRecorded").asString()).toList();
    }

    private static JsonNode only(JsonNode list, String id) {
        return list.valueStream().filter(m -> m.get("mandate").get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private void kind(String id, String name, Map<String, Object> term, List<String> designators, String source) {
        ok(api.postJson("/api/organ-kinds", json(Map.of("id", id, "name", name, "term", term, "designators", designators, "source", source))), 201);
    }

    private void mandate(String id, String kind, String name, String designatedBy, String from, String until) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("id", id, "agency", AGENCY, "organKindId", kind, "nameAsRecorded", name,
                "from", from, "source", "FIXTURE"));
        if (designatedBy != null) {
            body.put("designatedBy", designatedBy);
        }
        if (until != null) {
            body.put("until", until);
        }
        ok(api.postJson("/api/mandates", json(body)), 201);
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }
}
