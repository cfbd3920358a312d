package it.registro.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import it.registro.app.audit.ChangeFeed;
import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.RegistroIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the servlet container refuses before the application reads a request, and what authorisation
 * refuses before anything reveals a resource: problem+json with the status that names the cause, never
 * Tomcat's HTML, never a 500; a secretariat writing where it may not gets 403 whatever it sends.
 */
@RegistroIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ContainerErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ChangeFeed feed;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    private record Raw(int status, String headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Sends bytes as they are (no client library fixes them), optionally stops sending early, and reads the answer. */
    private Raw raw(String head, String body, boolean cutOff) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (cutOff) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String headers = answer.substring(0, split);
            String rest = answer.substring(split + 4);
            if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
                rest = rest.substring(rest.indexOf("\r\n") + 2, rest.lastIndexOf("}") + 1);
            }
            return new Raw(Integer.parseInt(headers.substring(9, 12)), headers, rest);
        }
    }

    private static String auth(String user) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private static void problem(Raw r, int status, String code) {
        assertThat(r.status()).as(r.headers()).isEqualTo(status);
        assertThat(r.headers().toLowerCase()).contains("content-type: application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Tomcat", "<html", "Exception");
    }

    @Test
    @DisplayName("an encoded slash, a URL over the limit, oversized headers, a body cut off: 400, 414, 431, 400 as problem+json")
    void containerLevel() throws IOException {
        problem(raw("GET /api/bodies/a%2Fb HTTP/1.1\r\nHost: x\r\n" + auth("mayor") + "Connection: close\r\n\r\n", "", false), 400, "BAD_REQUEST");
        problem(raw("GET /api/bodies/%zz HTTP/1.1\r\nHost: x\r\n" + auth("mayor") + "Connection: close\r\n\r\n", "", false), 400, "BAD_REQUEST");
        problem(raw("GET /api/bodies?kind=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "", false),
                414, "URI_TOO_LONG");
        problem(raw("GET /api/bodies HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", "", false),
                431, "HEADERS_TOO_LARGE");
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        long before = events.total();
        Raw cut = raw("POST /api/persons HTTP/1.1\r\nHost: x\r\n" + auth("tester") + "Content-Type: application/json\r\n"
                + "Content-Length: 500\r\nConnection: close\r\n\r\n", "{\"name\":\"Tronc", true);
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.headers().toLowerCase()).contains("application/problem+json");
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    @DisplayName("/error asked for directly is 404, never 500, and is not in the API description")
    void errorPath() {
        Api.Response r = Api.as(port, "mayor").get("/error");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(Api.anonymous(port).get("/v3/api-docs").body()).doesNotContain("\"/error\"");
    }

    @Test
    @DisplayName("a secretariat writing to another body's session, or to one that does not exist, gets 403 whatever it sends")
    void authorisationFirst() {
        Api tester = new Api(port); // secretariat of ce-body
        assertThat(tester.postJson("/api/bodies", "{\"id\":\"ce-body\",\"kind\":\"CONFERENZA_DEI_SINDACI\",\"agency\":{\"kind\":\"ASST\","
                + "\"name\":\"ASST CE\"},\"name\":\"Conferenza CE\"}").status()).isEqualTo(201);
        assertThat(tester.postJson("/api/sessions", "{\"id\":\"ce-body-2031-01-01\",\"bodyId\":\"ce-body\",\"date\":\"2031-01-01\"}").status())
                .isEqualTo(201);
        Api clerk = Api.as(port, "clerk");
        String[][] attempts = {
                {"/api/sessions/ce-body-2031-01-01/agenda", "{\"itemNo\":\"not a number\"}"},
                {"/api/sessions/ce-body-2031-01-01/agenda", "{\"itemNo\":1,\"kind\":\"OTHER\",\"title\":\"t\"}"},
                {"/api/sessions/no-such-session/agenda", "{\"itemNo\":1,\"kind\":\"OTHER\",\"title\":\"t\"}"},
                {"/api/sessions/no-such-session/agenda", "not json"},
                {"/api/sessions", "{\"bodyId\":\"ce-body\",\"date\":\"not a date\"}"},
                {"/api/bodies/ce-body/officers", "{\"office\":\"NOT_AN_OFFICE\"}"},
                {"/api/bodies/no-such-body/delegations", "{}"},
                {"/api/poas/no-such-poas/adoption", "{}"},
                {"/api/units/existing", "{}"},
                {"/api/acts", "{\"issuerBodyId\":\"ce-body\",\"type\":\"NOT_A_TYPE\"}"},
                {"/api/acts/no-such-act/adoption", "{}"},
        };
        for (String[] a : attempts) {
            Api.Response r = clerk.postJson(a[0], a[1]);
            assertThat(r.status()).as(a[0] + " " + a[1] + " → " + r.body()).isEqualTo(403);
            assertThat(r.json().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        // the body's own secretariat is told what is wrong with what it sent
        Api.Response own = tester.postJson("/api/sessions/ce-body-2031-01-01/agenda", "{\"itemNo\":\"not a number\"}");
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.json().get("field").asString()).isEqualTo("itemNo");
    }

    @Test
    @DisplayName("a client that closes the change feed's stream is no error in the log")
    void streamClosed(CapturedOutput output) throws IOException {
        Api tester = new Api(port);
        tester.postJson("/api/persons", "{\"name\":\"Persona del flusso\"}");
        int before = feed.openStreams();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET /api/audit/feed/stream HTTP/1.1\r\nHost: x\r\n" + auth("auditor")
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] first = new byte[256];
            assertThat(socket.getInputStream().read(first)).isPositive();
            await().atMost(Duration.ofMinutes(1)).until(() -> feed.openStreams() > before);
        }
        // the server finds out at its next writes to the closed connection
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> {
            tester.postJson("/api/persons", "{\"name\":\"Persona dopo il flusso\"}");
            return feed.openStreams() == before;
        });
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }
}
