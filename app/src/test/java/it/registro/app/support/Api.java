package it.registro.app.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: sends exactly what it is told, never throws on a status. */
public final class Api {

    /** Decimals are read as BigDecimal: amounts are exact, and a test must see their scale. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The test accounts' password (application-test.yaml). */
    public static final String PASSWORD = "test-password";

    // HTTP/1.1: the JDK client otherwise tries an h2c upgrade on every new connection.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private Duration timeout = Duration.ofSeconds(30);

    /** As "tester", who maintains bodies and records the sessions of the tests' bodies. */
    public Api(int port) {
        this(port, "tester");
    }

    private Api(int port, String user) {
        this(port, user, PASSWORD);
    }

    private Api(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** As a user with a password other than the test accounts' (e.g. the demo accounts of the packaged service). */
    public static Api withPassword(int port, String user, String password) {
        return new Api(port, user, password);
    }

    public static Api as(int port, String user) {
        return new Api(port, user);
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** The same client with a longer wait for answers (a verification of a large store, a rebuild). */
    public Api patient(Duration timeout) {
        Api api = new Api(base, authorization);
        api.timeout = timeout;
        return api;
    }

    /** With a raw Authorization header (e.g. a bearer token). */
    public Api withAuthorization(String header) {
        return new Api(base, header);
    }

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public record Response(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Response get(String path) {
        return get(path, "Accept", "application/json");
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /**
     * With -Dregistro.capture-examples=<file>, the first accepted body of every path is written there when the tests end:
     * the source of the API description's examples (they are the seeds' own requests).
     */
    private static final java.util.Map<String, String> EXAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        String file = System.getProperty("registro.capture-examples");
        if (file != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(file), JSON.writeValueAsString(new java.util.TreeMap<>(EXAMPLES)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    public Response postJson(String path, String json, String... headers) {
        Response r = postJsonOnly(path, json, headers);
        if (r.status() < 300 && System.getProperty("registro.capture-examples") != null) {
            EXAMPLES.putIfAbsent(path.replaceAll("\\?.*", ""), json);
        }
        if (r.status() < 300 && recorder != null) {
            recorder.accepted(path, json, r);
        }
        return r;
    }

    /** Told of every JSON POST the service accepted: what a harness sent, to be written as an import file. */
    public interface Recorder {
        void accepted(String path, String json, Response response);
    }

    private Recorder recorder;

    /** The same client, telling {@code recorder} of each JSON POST the service accepts. */
    public Api recording(Recorder recorder) {
        Api api = new Api(base, authorization);
        api.timeout = timeout;
        api.recorder = recorder;
        return api;
    }

    private Response postJsonOnly(String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** A body sent with chunked transfer encoding (no Content-Length). */
    public Response postChunked(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A binary answer (a PDF, a document). */
    public record Binary(int status, String contentType, Map<String, java.util.List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Binary getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file posted as the request body, with its media type. */
    public Response postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response method(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
