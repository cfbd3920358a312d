package it.registro.app.scenario;

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


import it.registro.app.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretariat at the desk, as a browser without JavaScript is: signed in with the form (session cookie), each
 * recording sent as the desk's HTML form with the page's CSRF token. A recording's JSON body becomes the form's
 * fields by the desk's naming ({@code tally.inFavour}, {@code presenters[0].personId}).
 */
final class DeskClient implements Desk {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("data-code=\"([A-Z_]+)\"");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofMinutes(1)).build();
    private String csrf;

    DeskClient(int port, String user) {
        this.port = port;
        String login = get("/web/login");
        csrf = token(login);
        Answer in = post("/web/login", Map.of("username", user, "password", Api.PASSWORD));
        assertThat(in.location()).as("signed in as " + user).endsWith("/web");
        csrf = token(get("/web/desk"));
    }

    String get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a recording's JSON body as the desk's form. */
    @Override
    public Answer record(String path, String jsonBody) {
        return post(path, Desk.fields(jsonBody));
    }

    private Answer post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String form = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse(null);
            Matcher code = CODE.matcher(r.body());
            return new Answer(r.statusCode(), location, r.body(), code.find() ? code.group(1) : null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
