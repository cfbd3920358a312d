package it.registro.app.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import it.registro.app.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the OpenAPI document lists, called by three kinds of caller with path ids, query
 * parameters and bodies drawn from its own description and then broken (wrong types, missing fields,
 * garbage ids, an encoded slash, a URL over the limit, oversized headers, a body cut off): no answer is
 * a 5xx, and every 4xx is problem+json. Seeded, so a failure replays.
 */
// its own store: what the fuzzing happens to create must not show in other tests' counts
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registro.store.embedded-backend=MEMORY", "spring.profiles.active=test", "registro.test.context=openapi-fuzz"})
class OpenApiFuzzTest {

    /** Operations left out: a stream that never ends, and two that would change the shared store for every other test. */
    private static final Set<String> SKIPPED = Set.of("GET /api/audit/feed/stream", "POST /api/admin/rebuild", "POST /api/admin/ledger/key-rotation");
    private static final List<String> USERS = List.of("tester", "mayor", "");

    @LocalServerPort
    int port;

    private JsonNode docs;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    @DisplayName("every documented operation, broken every way, by three callers: no 5xx, every 4xx problem+json")
    void everyOperation() throws IOException {
        docs = Api.anonymous(port).get("/v3/api-docs").json();
        Random random = new Random(20261206L);
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (SKIPPED.contains(method + " " + path.getKey())) {
                    continue;
                }
                operations++;
                for (String user : USERS) {
                    for (int i = 0; i < 3; i++) {
                        call(method, path.getKey(), op.getValue(), user, random, i);
                    }
                }
                // the same address with what the container itself refuses
                String target = fill(path.getKey(), random, 0);
                container(method, target.replaceFirst("/api/([a-z-]+)/[^/]+", "/api/$1/a%2Fb"), "", false, random);
                if (random.nextInt(5) == 0) {
                    container(method, target + "?q=" + "x".repeat(12_000), "", false, random);
                    container(method, target, "X-Big: " + "y".repeat(12_000) + "\r\n", false, random);
                }
                if (method.equals("POST")) {
                    container(method, target, "Content-Type: application/json\r\nContent-Length: 400\r\n", true, random);
                }
            }
        }
        assertThat(operations).isGreaterThan(100);
        assertThat(sent).isGreaterThan(1000);
        assertThat(failures).as("of %d requests", sent).isEmpty();
    }

    private void call(String method, String template, JsonNode op, String user, Random random, int round) {
        String path = fill(template, random, round);
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asString()) && random.nextBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(p.get("name").asString()).append('=')
                        .append(java.net.URLEncoder.encode(garbage(random), StandardCharsets.UTF_8));
            }
        }
        Api api = user.isEmpty() ? Api.anonymous(port) : Api.as(port, user);
        Api.Response r;
        if (method.equals("GET")) {
            r = api.get(path + query, "Accept", random.nextBoolean() ? "application/json" : "*/*");
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            r = api.postJson(path + query, body(op, random, round));
        } else {
            r = api.method(method, path + query);
        }
        check(method + " " + path + query + " as " + (user.isEmpty() ? "anonymous" : user), r.status(), r.contentType(), r.body());
    }

    private void check(String what, int status, String contentType, String body) {
        sent++;
        if (status >= 500) {
            failures.add(status + " " + what + " → " + body);
        } else if (status >= 400 && (contentType == null || !contentType.startsWith("application/problem+json"))) {
            failures.add(status + " not problem+json (" + contentType + ") " + what + " → " + (body.length() > 200 ? body.substring(0, 200) : body));
        }
    }

    /** Path parameters: a plausible id, an id of garbage, or an id of odd but legal characters. */
    private static String fill(String template, Random random, int round) {
        String[] values = {"fuzz-" + random.nextInt(1000), java.net.URLEncoder.encode(garbage(random), StandardCharsets.UTF_8).replace("+", "%20"),
                "%C3%A0-%F0%9F%98%80"};
        return template.replaceAll("\\{[^}]+}", values[round % values.length].replace("$", ""));
    }

    private static String garbage(Random random) {
        return List.of("", "x", "-1", "0", "99999999999999999999", "2024-13-45", "1.5e308", "true", "null", "[]", "{}",
                "a".repeat(300), "ò😀汉", "..", "%", "' OR 1=1", "<b>").get(random.nextInt(17));
    }

    /** A body from the operation's schema, broken in the way the round says. */
    private String body(JsonNode op, Random random, int round) {
        JsonNode schema = resolve(op.path("requestBody").path("content").path("application/json").path("schema"));
        if (schema.isMissingNode() || round == 0) {
            return List.of("{}", "", "[1,2]", "{\"a\":", "null", "\"text\"").get(random.nextInt(6));
        }
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(property.getKey()).append("\":").append(round == 1 ? wrongType(resolve(property.getValue()), random)
                    : plausible(resolve(property.getValue()), random));
        }
        return sb.append('}').toString();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString(null);
        if (ref == null && schema.path("allOf").isArray() && !schema.path("allOf").isEmpty()) {
            ref = schema.path("allOf").get(0).path("$ref").asString(null);
        }
        return ref == null ? schema : docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String wrongType(JsonNode schema, Random random) {
        return switch (schema.path("type").asString("object")) {
            case "string" -> List.of("12", "true", "[]", "{\"x\":1}").get(random.nextInt(4));
            case "integer", "number" -> List.of("\"uno\"", "1e400", "-99999999999999999999", "[]").get(random.nextInt(4));
            case "boolean" -> List.of("\"yes\"", "1", "{}").get(random.nextInt(3));
            case "array" -> List.of("\"x\"", "{}", "[null]", "[[[]]]").get(random.nextInt(4));
            default -> List.of("\"x\"", "[]", "{\"zz\":1}", "7").get(random.nextInt(4));
        };
    }

    private String plausible(JsonNode schema, Random random) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return random.nextInt(4) == 0 ? "\"NOT_A_VALUE\"" : "\"" + schema.path("enum").get(random.nextInt(schema.path("enum").size())).asString() + "\"";
        }
        return switch (schema.path("type").asString("object")) {
            case "string" -> switch (schema.path("format").asString("")) {
                case "date" -> List.of("\"2024-10-18\"", "\"2024-02-30\"", "\"18/10/2024\"").get(random.nextInt(3));
                case "date-time" -> List.of("\"2024-10-18T14:00:00Z\"", "\"2024-10-18T14:00\"", "\"ieri\"").get(random.nextInt(3));
                default -> "\"" + List.of("fuzz", "", "a".repeat(5000), "ò", "collegio-dei-sindaci-ats-val-padana").get(random.nextInt(5)) + "\"";
            };
            case "integer", "number" -> List.of("0", "-1", "1", "2147483648", "3.5").get(random.nextInt(5));
            case "boolean" -> random.nextBoolean() ? "true" : "false";
            case "array" -> "[" + (random.nextBoolean() ? "" : plausible(resolve(schema.path("items")), random)) + "]";
            default -> random.nextBoolean() ? "{}" : "null";
        };
    }

    /** Bytes straight to the socket: what a client library would refuse to send, or would send whole. */
    private void container(String method, String target, String headers, boolean cutOff, Random random) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String user = random.nextBoolean() ? "tester" : "mayor";
            out.write((method + " " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n" + headers
                    + "Connection: close\r\n\r\n" + (cutOff ? "{\"name\":\"tron" : "")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (cutOff) {
                socket.shutdownOutput();
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            if (split < 0) {
                failures.add("no answer to " + method + " " + target.substring(0, Math.min(120, target.length())));
                return;
            }
            String head = answer.substring(0, split);
            int status = Integer.parseInt(head.substring(9, 12));
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).map(l -> l.substring(13).strip()).findFirst().orElse(null);
            check(method + " " + target.substring(0, Math.min(120, target.length())) + " (raw" + (cutOff ? ", cut off" : "") + ")", status, type,
                    answer.substring(split + 4));
        }
    }
}
