package it.registro.app.pages;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;

import static it.registro.app.support.ScenarioFile.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 #2: a secretariat records a sitting through the desk's forms alone (no JavaScript): convocation, agenda,
 * roll call, opening, a named vote with the majority shown before submitting, an intervention, the close, a late
 * entry, signature and publication; refusals come back in Italian beside the field; a mayor has no desk.
 */
@RegistroIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskPagesTest {

    private static final String BODY = "desk-fixture";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    String[] mayors = new String[3];

    @BeforeAll
    void setUp() {
        Api api = new Api(port);
        StringBuilder seats = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String comune = "comune-desk-" + i;
            api.postJson("/api/comuni", json(Map.of("id", comune, "name", "Comune Scrivania " + i, "province", "CR")));
            mayors[i] = api.postJson("/api/persons", json(Map.of("name", "Sindaco Scrivania " + i))).json().get("id").asString();
            seats.append(i == 0 ? "" : ",").append("""
                    {"role":"MAYOR","constituency":"%s","personId":"%s","comuneId":"%s"}""".formatted(comune, mayors[i], comune));
        }
        assertThat(api.postJson("/api/bodies", """
                {"id":"%s","kind":"ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO","agency":{"kind":"ASST","name":"ASST Scrivania"},"name":"Assemblea Scrivania"}"""
                .formatted(BODY)).status()).isEqualTo(201);
        assertThat(api.postJson("/api/bodies/" + BODY + "/compositions", """
                {"act":{"citation":"Decreto n. 9401 del 02/01/2025 (FIXTURE)"},"effectiveFrom":"2025-01-02","renewal":true,"seats":[%s]}"""
                .formatted(seats)).status()).isEqualTo(200);
        assertThat(api.postJson("/api/bodies/" + BODY + "/rule-sets", """
                {"name":"Regolamento","effectiveFrom":"2025-01-02","quorum":{"kind":"MAJORITY_OF_MEMBERS"},
                 "majority":{"kind":"MAJORITY_OF_VOTERS_PRESENT"},"weighting":"HEADCOUNT","delegationAllowed":true}""").status()).isEqualTo(200);
    }

    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofMinutes(1)).build();
        String lastPage = "";

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            lastPage = r.body();
            return r;
        }

        /** Posts a form with the CSRF token of the last page read, as a browser would. */
        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Matcher m = CSRF.matcher(lastPage);
            assertThat(m.find()).as("a CSRF token on the page").isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", m.group(1));
            String form = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302) {
                lastPage = r.body();
            }
            return r;
        }

        /** A multipart form, as a browser sends a file input: the CSRF token, the fields, and one file. */
        HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, String type, byte[] bytes) throws Exception {
            Matcher m = CSRF.matcher(lastPage);
            assertThat(m.find()).isTrue();
            String boundary = "----desk" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", m.group(1));
            for (Map.Entry<String, String> e : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: "
                    + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(bytes);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302) {
                lastPage = r.body();
            }
            return r;
        }

        void signIn(String user) throws Exception {
            get("/web/login");
            HttpResponse<String> r = post("/web/login", Map.of("username", user, "password", Api.PASSWORD));
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/web");
        }

        /** Posts a desk form and follows the redirect back to the desk, which must say it was recorded. */
        String record(String path, Map<String, String> fields) throws Exception {
            HttpResponse<String> r = post(path, fields);
            assertThat(r.statusCode()).as(path + ": " + problem(r.body())).isEqualTo(302);
            String location = r.headers().firstValue("Location").orElseThrow();
            return get(location.replaceAll("^https?://[^/]+", "").replaceAll("#.*", "")).body();
        }
    }

    private static String problem(String page) {
        Matcher m = Pattern.compile("role=\"alert\"[^>]*>([^<]+)<").matcher(page);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            b.append(m.group(1)).append(" | ");
        }
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a sitting recorded from convocation to publication through the desk, with refusals beside their fields")
    void recordASitting() throws Exception {
        Browser b = new Browser();
        b.signIn("tester");
        String desk = b.get("/web/desk").body();
        assertThat(desk).contains("Scrivania della segreteria", "Assemblea Scrivania", "Convoca una seduta");
        // a convocation without its date is refused beside the field, with what was typed kept
        HttpResponse<String> noDate = b.post("/web/desk/sessions", Map.of("bodyId", BODY, "number", "1/25", "mode", "IN_PERSON"));
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("campo obbligatorio", "value=\"1/25\"");
        HttpResponse<String> convened = b.post("/web/desk/sessions", Map.of("bodyId", BODY, "number", "1/25", "date", "2025-03-10",
                "scheduledStart", "10:00", "mode", "IN_PERSON", "venue", "Sala consiliare"));
        assertThat(convened.statusCode()).isEqualTo(302);
        String sitting = convened.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        String id = sitting.substring(sitting.lastIndexOf('/') + 1);
        String page = b.get(sitting).body();
        assertThat(page).contains("Seduta n. 1/25 del 10 marzo 2025", "Sindaco Scrivania 0", "Regola di maggioranza: maggioranza dei presenti al voto");

        page = b.record(sitting + "/agenda", Map.of("itemNo", "1", "kind", "DELIBERATION", "title", "Piano di zona"));
        page = b.record(sitting + "/agenda", Map.of("itemNo", "2", "kind", "INFORMATION", "title", "Comunicazioni"));
        assertThat(page).contains("Piano di zona (deliberazione)");
        for (int i = 0; i < 2; i++) {
            page = b.record(sitting + "/arrivals", Map.of("personId", mayors[i], "at", "2025-03-10T10:00"));
        }
        // the quorum before opening, in figures
        assertThat(page).contains("presenti 2 componenti su 3 (ne occorrono 2)");
        page = b.record(sitting + "/open", Map.of("at", "2025-03-10T10:05"));
        assertThat(page).contains("Seduta aperta.");
        // the majority before submitting: with two present, two votes in favour
        assertThat(page).contains("Con 2 presenti al voto occorrono almeno 2 voti favorevoli.");
        // a vote on an information item is refused, in Italian, beside the form
        HttpResponse<String> refused = b.post(sitting + "/votes", Map.of("itemNo", "2", "subject", "x", "at", "2025-03-10T10:10",
                "mode", "OPEN_NAMED", "vote." + mayors[0], "FOR"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Su questo punto non si vota (è una comunicazione).");
        page = b.record(sitting + "/votes", Map.of("itemNo", "1", "subject", "Approvazione del piano", "at", "2025-03-10T10:10",
                "mode", "OPEN_NAMED", "vote." + mayors[0], "FOR", "vote." + mayors[1], "AGAINST"));
        page = b.record(sitting + "/interventions", Map.of("itemNo", "1", "personId", mayors[1], "at", "2025-03-10T10:08",
                "summaryAsRecorded", "Il Sindaco chiede un rinvio."));
        // a document from the desk: kept with its SHA-256; a file that is not what it says is refused in Italian
        byte[] slides = it.registro.app.support.PdfChecks.sample("Slide del piano di zona");
        HttpResponse<String> uploaded = b.upload(sitting + "/documents", Map.of("title", "Slide del piano", "itemNo", "1"), "slide.pdf",
                "application/pdf", slides);
        assertThat(uploaded.statusCode()).as(problem(uploaded.body())).isEqualTo(302);
        page = b.get(uploaded.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "").replaceAll("#.*", "")).body();
        assertThat(page).contains("Slide del piano", "SHA-256 " + it.registro.app.document.DocumentStore.sha256(slides).substring(0, 12));
        HttpResponse<String> fake = b.upload(sitting + "/documents", Map.of("title", "Finto"), "finto.pdf", "application/pdf",
                "non sono un PDF".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.statusCode()).isEqualTo(415);
        assertThat(fake.body()).contains("Il contenuto del file non corrisponde al suo tipo.");
        page = b.get(sitting).body();
        page = b.record(sitting + "/close", Map.of("at", "2025-03-10T11:00"));
        // after the close a fact needs its reason; the form says so in Italian, then takes it
        HttpResponse<String> late = b.post(sitting + "/interventions", Map.of("itemNo", "1", "personId", mayors[0], "at", "2025-03-10T10:09",
                "summaryAsRecorded", "Il Presidente risponde."));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("La seduta è chiusa: per inserire un fatto dopo la chiusura indichi il motivo");
        page = b.record(sitting + "/interventions", Map.of("itemNo", "1", "personId", mayors[0], "at", "2025-03-10T10:09",
                "summaryAsRecorded", "Il Presidente risponde.", "lateEntryReason", "omesso nella stesura"));
        page = b.record(sitting + "/minutes/sign", Map.of("on", "2025-03-12", "signatories[0].personId", mayors[0],
                "signatories[0].labelAsRecorded", "IL PRESIDENTE"));
        page = b.record(sitting + "/minutes/publish", Map.of("on", "2025-03-13", "url", "https://albo.example/1-25"));
        assertThat(page).contains("Verbale pubblicato");

        // the verbale the desk produced: the same one the API gives
        JsonNode minutes = new Api(port).get("/api/sessions/" + id + "/minutes").json();
        assertThat(minutes.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(minutes.get("items").get(0).get("decisions").get(0).get("text").asString())
                .contains("favorevoli 1, contrari 1, astenuti 0", "presenti al voto 2", "Esito: non approvato");
        assertThat(minutes.get("lateEntries")).hasSize(1);
        assertThat(minutes.get("items").get(0).get("interventions")).hasSize(2);
    }

    @Test
    @DisplayName("a mayor has no desk and sees no recording control")
    void mayorHasNoDesk() throws Exception {
        Browser b = new Browser();
        b.signIn("mayor");
        assertThat(b.get("/web/desk").statusCode()).isEqualTo(403);
        assertThat(b.get("/web").body()).doesNotContain("/web/desk", "link-desk");
        assertThat(b.get("/web/bodies").body()).doesNotContain("<form class=\"desk\"", "/web/desk");
    }
}
