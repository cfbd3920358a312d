package it.registro.app.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random Unicode through the text fields of the commands: every answer is either 2xx, or 4xx with nothing
 * stored; text a register cannot hold (a lone surrogate, a control character but tab, CR, LF) is always
 * refused as {@code TEXT_NOT_ALLOWED} naming the field; and after it all, verification is ok — no accepted
 * text can break a hash later. Seeded, so a failure replays.
 */
// its own store: the commands it sends (units, bodies, persons) must not show in other tests' counts
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registro.store.embedded-backend=MEMORY", "spring.profiles.active=test", "registro.test.context=register-text"})
class RegisterTextPropertyTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    /** A request whose text fields are {@code §1}, {@code §2}… and whose ids take {@code #}. */
    private record Template(String path, String json, List<String> fields) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("/api/persons", "{\"id\":\"tx-p-#\",\"name\":\"§1\",\"source\":\"§2\"}", List.of("name", "source")),
            new Template("/api/persons/tx-person/aliases", "{\"alias\":\"§1\",\"source\":\"§2\"}", List.of("alias", "source")),
            new Template("/api/bodies", "{\"id\":\"tx-b-#\",\"kind\":\"CONFERENZA_DEI_SINDACI\",\"agency\":{\"kind\":\"ASST\",\"name\":\"§1\"},"
                    + "\"name\":\"§2\",\"legalBasis\":\"§3\"}", List.of("agency.name", "name", "legalBasis")),
            new Template("/api/bodies/text-fixture/rename", "{\"name\":\"§1 #\",\"reason\":\"§2\",\"effectiveFrom\":\"2024-01-01\"}",
                    List.of("name", "reason")),
            new Template("/api/comuni", "{\"id\":\"comune-tx-#\",\"name\":\"§1\",\"province\":\"CR\"}", List.of("name")),
            new Template("/api/units/existing", "{\"agency\":\"§1\",\"type\":\"SC\",\"code\":\"#\",\"name\":\"§2\",\"presidio\":\"§3\",\"source\":\"§4\"}",
                    List.of("agency", "name", "presidio", "source")),
            new Template("/api/citations", "{\"text\":\"§1\",\"source\":\"§2\"}", List.of("text", "source")),
            new Template("/api/sessions", "{\"id\":\"tx-s-#\",\"bodyId\":\"text-fixture\",\"date\":\"2030-01-01\",\"protocol\":\"§1\","
                    + "\"convenerNameAsRecorded\":\"§2\",\"venue\":\"§3\",\"textAsRecorded\":\"§4\"}",
                    List.of("protocol", "convenerNameAsRecorded", "venue", "textAsRecorded")),
            new Template("/api/sessions/tx-session/agenda", "{\"itemNo\":#,\"kind\":\"OTHER\",\"title\":\"§1\"}", List.of("title")));

    /** Code points from the kinds of text people paste, and from the kinds no register should hold. */
    private static String randomText(Random random) {
        int length = 1 + random.nextInt(24);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            if (kind < 40) {
                sb.append((char) ('a' + random.nextInt(26)));
            } else if (kind < 55) {
                sb.append("àèéìòùÀÈÌÒÙçß€«»—’ ".charAt(random.nextInt(19)));
            } else if (kind < 62) {
                sb.appendCodePoint(0x1F600 + random.nextInt(80)); // emoji: a surrogate pair
            } else if (kind < 68) {
                sb.appendCodePoint(0x4E00 + random.nextInt(2000)); // CJK
            } else if (kind < 72) {
                sb.appendCodePoint(new int[] {0x0301, 0x200D, 0x200B, 0x202E, 0xFEFF, 0xFFFD, 0xE000, 0x1D400}[random.nextInt(8)]);
            } else if (kind < 76) {
                sb.append("\t\n\r".charAt(random.nextInt(3)));
            } else if (kind < 80) {
                sb.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate, high or low
            } else if (kind < 83) {
                sb.append((char) new int[] {0x00, 0x01, 0x07, 0x1B, 0x1F, 0x7F, 0x85, 0x9F}[random.nextInt(8)]);
            } else {
                sb.append((char) (' ' + random.nextInt(95)));
            }
        }
        return sb.toString();
    }

    /** JSON string content with every non-ASCII UTF-16 unit escaped: a lone surrogate reaches the server as the \\u escape a client sends. */
    private static String jsonText(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    @DisplayName("400 random texts through nine commands: refused exactly when not registrable, nothing stored then; verification ok after")
    void randomUnicode() {
        Api api = new Api(port);
        assertThat(api.postJson("/api/bodies", "{\"id\":\"text-fixture\",\"kind\":\"CONFERENZA_DEI_SINDACI\","
                + "\"agency\":{\"kind\":\"ASST\",\"name\":\"ASST Testo\"},\"name\":\"Conferenza Testo\"}").status()).isEqualTo(201);
        assertThat(api.postJson("/api/persons", "{\"id\":\"tx-person\",\"name\":\"Persona Testo\"}").status()).isEqualTo(201);
        assertThat(api.postJson("/api/sessions", "{\"id\":\"tx-session\",\"bodyId\":\"text-fixture\",\"date\":\"2030-02-01\"}").status())
                .isEqualTo(201);
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        Random random = new Random(20261206L);
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        for (int n = 1; n <= 400; n++) {
            Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            String json = t.json().replace("#", String.valueOf(n));
            String refusedField = null;
            for (int f = 1; f <= t.fields().size(); f++) {
                String text = random.nextInt(3) == 0 ? "testo" : randomText(random);
                if (refusedField == null && RegisterText.violation(text) != null) {
                    refusedField = t.fields().get(f - 1);
                }
                json = json.replace("§" + f, jsonText(text));
            }
            long before = events.total();
            Api.Response r = api.postJson(t.path(), json);
            String what = r.status() + " " + t.path() + " " + json + " → " + r.body();
            if (refusedField != null) {
                refused++;
                JsonNode problem = r.json();
                if (r.status() != 400 || !"TEXT_NOT_ALLOWED".equals(problem.path("code").asString())
                        || !refusedField.equals(problem.path("errors").path(0).path("field").asString())) {
                    failures.add("expected TEXT_NOT_ALLOWED on " + refusedField + ": " + what);
                }
            } else if (r.status() >= 200 && r.status() < 300) {
                accepted++;
            } else if (r.status() >= 500 || "TEXT_NOT_ALLOWED".equals(r.json().path("code").asString())) {
                failures.add("registrable text refused or failed: " + what);
            }
            if ((r.status() < 200 || r.status() >= 300) && events.total() != before) {
                failures.add("refused, yet events were stored: " + what);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).as("accepted requests").isGreaterThan(100);
        assertThat(refused).as("refused requests").isGreaterThan(50);

        Api auditor = Api.as(port, "auditor");
        long stored = events.total();
        await().atMost(Duration.ofMinutes(2)).until(() -> auditor.get("/api/audit/checkpoints").json().get("ledgerSize").asLong() >= stored);
        JsonNode report = auditor.patient(Duration.ofMinutes(5)).postJson("/api/audit/verification", "").json();
        assertThat(report.get("problems")).as(report.toString()).isEmpty();
    }
}
