package it.registro.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;

import static it.registro.app.support.ScenarioFile.json;

/**
 * What the web pages answer without a browser: who may see what (the albo's share for anonymous
 * visitors), and error pages that explain the problem in Italian as HTML while the API keeps
 * answering problem+json. The pages in a browser: WebPagesBrowserTest.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesAccessTest {

    @LocalServerPort
    int port;

    Api tester;
    Api anonymous;
    String session;
    String act;

    @BeforeAll
    void setUp() {
        tester = new Api(port);
        anonymous = Api.anonymous(port);
        assertThat(tester.postJson("/api/bodies", """
                {"id":"conferenza-dei-sindaci-asst-crema","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Crema"},
                 "name":"Conferenza dei Sindaci ASST di Crema"}""").status()).isIn(201, 409);
        session = tester.postJson("/api/sessions", json(Map.of("bodyId", "conferenza-dei-sindaci-asst-crema",
                "date", "2025-03-03", "number", "9101/25"))).json().get("id").asString();
        assertThat(tester.postJson("/api/bodies", """
                {"id":"dg-asst-pagine","kind":"DIRETTORE_GENERALE","agency":{"kind":"ASST","name":"ASST Pagine"},"name":"DG ASST Pagine"}""")
                .status()).isEqualTo(201);
        act = tester.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-pagine", "type", "DECRETO",
                "number", "11", "date", "2025-03-01"))).json().get("id").asString();
    }

    private Api.Response page(Api as, String path) {
        return as.get(path, "Accept", "text/html");
    }

    private static void assertPage(Api.Response r, int status, String... texts) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains(texts);
    }

    @Test
    @DisplayName("the home page is public; / leads to it; signing in is a form, never the browser's Basic dialog")
    void home() {
        assertPage(page(anonymous, "/web"), 200, "Accesso pubblico", "/web/login");
        Api.Response root = page(anonymous, "/");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).endsWith("/web");
        Api.Response login = page(anonymous, "/web/login");
        assertPage(login, 200, "Accedi al Registro", "name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        assertThat(login.header("WWW-Authenticate")).isNull();
        assertThat(page(Api.as(port, "mayor"), "/web/login").header("Location")).endsWith("/web");
        // "Accedi" leads back to the page it was clicked on, and never off the pages
        assertThat(page(Api.as(port, "mayor"), "/web/login?next=/web/acts/x%3FasOf%3D2025-01-01").header("Location"))
                .endsWith("/web/acts/x?asOf=2025-01-01");
        for (String away : List.of("https://example.invalid/", "//example.invalid/web", "/api/bodies", "/web//example.invalid")) {
            assertThat(page(Api.as(port, "mayor"), "/web/login?next=" + java.net.URLEncoder.encode(away, java.nio.charset.StandardCharsets.UTF_8))
                    .header("Location")).as(away).endsWith("/web");
        }
        Api.Response refused = page(anonymous, "/web/acts?asOf=2025-01-01");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isNull();
        // the 401 page offers the form, which leads back here
        assertThat(refused.body()).contains("/web/login?next=%2Fweb%2Facts%3FasOf%3D2025-01-01");
        assertThat(page(anonymous, "/web").body()).contains("/web/login?next=/web");
        assertPage(page(Api.as(port, "mayor"), "/web"), 200, "Utente: mayor");
    }

    @Test
    @DisplayName("a verbale page is public once published; before, anonymous visitors get an HTML 401 and the API a problem")
    void minutesPageFollowsPublication() {
        String web = "/web/sessions/" + session;
        assertPage(page(anonymous, web), 401, "Accesso richiesto", "verbali pubblicati");
        assertThat(page(anonymous, web).header("WWW-Authenticate")).isNull();
        assertPage(page(Api.as(port, "mayor"), web), 200, "Verbale", "bozza", "Nessuna presenza registrata.");
        Api.Response api = anonymous.get("/api/sessions/" + session + "/minutes");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");

        String s = "/api/sessions/" + session;
        String minuteTaker = tester.postJson("/api/persons", "{\"name\":\"Verbalizzante Pagine\"}").json().get("id").asString();
        assertThat(tester.postJson(s + "/participants", "{\"personId\":\"%s\",\"role\":\"MINUTE_TAKER\"}".formatted(minuteTaker))
                .status()).isEqualTo(200);
        assertThat(tester.postJson(s + "/close", "{\"at\":\"2025-03-03T18:00\"}").status()).isEqualTo(200);
        assertThat(tester.postJson(s + "/minutes/sign", json(Map.of("on", "2025-03-04", "signatories",
                List.of(Map.of("personId", minuteTaker))))).status()).isEqualTo(200);
        assertThat(tester.postJson(s + "/minutes/publish", "{\"on\":\"2025-03-05\",\"url\":\"https://example.invalid/v\"}").status())
                .isEqualTo(200);
        assertPage(page(anonymous, web), 200, "pubblicato", "<span> n. 9101/25</span>", "3 marzo 2025", "Accesso pubblico");
    }

    @Test
    @DisplayName("an act page is public once adopted; an unknown act tells anonymous visitors nothing, signed-in readers 404")
    void actPageFollowsAdoption() {
        String web = "/web/acts/" + act;
        assertPage(page(anonymous, web), 401, "Accesso richiesto");
        assertPage(page(anonymous, "/web/acts/no-such-act"), 401, "Accesso richiesto");
        assertPage(page(Api.as(port, "mayor"), "/web/acts/no-such-act"), 404, "Nessun atto è registrato con questo identificativo");
        assertThat(tester.postJson("/api/acts/" + act + "/adoption", "{\"on\":\"2025-03-01\"}").status()).isEqualTo(200);
        assertPage(page(anonymous, web + "?asOf=2025-03-02"), 200, "adottato", "Adottato il 1 marzo 2025", "Nessun riferimento ad altri atti.");
    }

    @Test
    @DisplayName("audit pages: auditors and administrators; a mayor gets an HTML 403 that says why")
    void auditPages() {
        assertPage(page(Api.as(port, "mayor"), "/web/audit/verification"), 403, "Accesso negato", "revisori e amministratori");
        assertPage(page(Api.as(port, "auditor"), "/web/audit/verification"), 200, "Verifica del registro");
        assertPage(page(Api.as(port, "auditor"), "/web/audit/dg-asst-pagine"), 200, "BodyRegistered", "tester");
        assertPage(page(Api.as(port, "auditor"), "/web/audit/no-such-thing"), 404, "Nel registro non c");
        assertPage(page(anonymous, "/web/audit/verification"), 401, "Accesso richiesto");
    }

    @Test
    @DisplayName("error pages explain: unknown body, malformed date, dates out of order, missing agency, unknown address")
    void errorPages() {
        Api mayor = Api.as(port, "mayor");
        assertPage(page(mayor, "/web/bodies/no-such-body"), 404, "Non trovato", "Nessun organo è registrato con questo identificativo");
        assertPage(page(mayor, "/web/bodies/dg-asst-pagine?asOf=2025-02-30"), 400, "Data non valida", "2025-02-30", "AAAA-MM-GG");
        assertPage(page(mayor, "/web/units/diff?agency=ASST%20Pagine&from=2025-02-01&to=2025-01-01"), 400,
                "La data finale precede quella iniziale");
        assertPage(page(mayor, "/web/units/chart"), 400, "Dato mancante", "agency");
        assertPage(page(mayor, "/web/nowhere/at/all"), 404, "Pagina non trovata", "/web/nowhere/at/all");
        // the API keeps its problem+json
        Api.Response api = mayor.get("/api/bodies/no-such-body");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("empty states say so, and links keep the date")
    void emptyStatesAndDates() {
        Api mayor = Api.as(port, "mayor");
        assertPage(page(mayor, "/web/bodies/dg-asst-pagine/sessions?asOf=2025-03-02"), 200, "Nessuna seduta registrata.",
                "/web/bodies/dg-asst-pagine?asOf=2025-03-02");
        assertPage(page(mayor, "/web/bodies/dg-asst-pagine?asOf=2025-03-02"), 200, "Nessun seggio registrato a questa data.",
                "/web/bodies/dg-asst-pagine/sessions?asOf=2025-03-02", "/web/acts?issuer=dg-asst-pagine&amp;asOf=2025-03-02");
        assertPage(page(mayor, "/web/units/chart?agency=ASST%20Pagine&asOf=2025-03-02"), 200, "Nessuna struttura attiva a questa data.");
        assertPage(page(mayor, "/web/units/diff?agency=ASST%20Pagine&from=2025-01-01&to=2025-03-02"), 200,
                "Nessuna variazione in questo periodo.");
        assertPage(page(mayor, "/web/acts?issuer=nobody"), 200, "Nessun atto registrato.");
    }

    @Test
    @DisplayName("broken parameters never make a page fail: every answer is a 4xx HTML page, never a 500 or problem+json")
    void brokenParameters() {
        Api mayor = Api.as(port, "mayor");
        List<String> bad = List.of("2025-13-01", "01/01/2025", "2025-02-30", "yesterday", "%00", "%3Cscript%3E", "9999999999-01-01");
        List<String> templates = List.of("/web/bodies?asOf=%s", "/web/bodies/dg-asst-pagine?asOf=%s",
                "/web/bodies/dg-asst-pagine/sessions?asOf=%s", "/web/acts?asOf=%s", "/web/acts/" + act + "?asOf=%s",
                "/web/units/chart?agency=ASST%%20Pagine&asOf=%s", "/web/units/diff?agency=ASST%%20Pagine&from=%s&to=2025-01-01",
                "/web/units/diff?agency=ASST%%20Pagine&from=2025-01-01&to=%s", "/web/sessions/" + session + "?asOf=%s");
        int checked = 0;
        for (String template : templates) {
            for (String value : bad) {
                Api.Response r = page(mayor, template.formatted(value));
                assertThat(r.status()).as(template + " with " + value).isBetween(400, 499);
                assertThat(r.contentType()).as(template + " with " + value).startsWith("text/html");
                assertThat(r.body()).doesNotContain("<script>");
                checked++;
            }
        }
        for (String id : List.of("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a%20b", "..%2F..%2Fapi", "x".repeat(500))) {
            Api.Response r = page(mayor, "/web/bodies/" + id);
            assertThat(r.status()).as(id).isBetween(400, 499);
            assertThat(r.body()).doesNotContain("<script>");
            checked++;
        }
        assertThat(checked).isEqualTo(templates.size() * bad.size() + 4);
    }

    @Test
    @DisplayName("an act's chain both ways: the revoking act links to the revoked one and back; the state follows the date")
    void actChain() {
        String revoked = tester.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-pagine", "type", "DECRETO",
                "number", "21", "date", "2025-04-01"))).json().get("id").asString();
        String revoking = tester.postJson("/api/acts", json(Map.of("issuerBodyId", "dg-asst-pagine", "type", "DECRETO",
                "number", "35", "date", "2025-05-02"))).json().get("id").asString();
        assertThat(tester.postJson("/api/acts/" + revoked + "/adoption", "{\"on\":\"2025-04-01\"}").status()).isEqualTo(200);
        assertThat(tester.postJson("/api/acts/" + revoking + "/adoption", "{\"on\":\"2025-05-02\"}").status()).isEqualTo(200);
        assertThat(tester.postJson("/api/acts/" + revoking + "/references", json(Map.of("kind", "REVOKES", "targetActId", revoked,
                "effectiveFrom", "2025-05-10"))).status()).isEqualTo(200);
        Api mayor = Api.as(port, "mayor");
        assertPage(page(mayor, "/web/acts/" + revoked + "?asOf=2025-05-09"), 200, "id=\"act-state\">adottato<",
                "revoca questo atto", "href=\"/web/acts/" + revoking + "?asOf=2025-05-09\"");
        assertPage(page(mayor, "/web/acts/" + revoked + "?asOf=2025-05-10"), 200, "id=\"act-state\">revocato<", "Revocato dal <span>10 maggio 2025</span>");
        assertPage(page(mayor, "/web/acts/" + revoking + "?asOf=2025-05-10"), 200, "questo atto revoca",
                "href=\"/web/acts/" + revoked + "?asOf=2025-05-10\"");
    }
}
