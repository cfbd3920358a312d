package it.registro.app.pages;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.support.Api;
import it.registro.app.support.RegistroIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 22 #1: signing in and out with the Italian form — session cookie, CSRF, throttled and logged failures. */
@RegistroIntegrationTest
class LoginFormTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** A browser-like client: keeps cookies, does not follow redirects (the test reads them). */
    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofMinutes(1)).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws Exception {
            Matcher m = CSRF.matcher(get(page).body());
            assertThat(m.find()).as("a CSRF token in " + page).isTrue();
            return m.group(1);
        }

        HttpResponse<String> signIn(String user, String password, String next) throws Exception {
            return post("/web/login", "_csrf=" + enc(csrf("/web/login")) + "&username=" + enc(user) + "&password=" + enc(password)
                    + (next == null ? "" : "&next=" + enc(next)));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a mayor signs in with the form, reads the pages by the session cookie, goes back where he was, and signs out")
    void signInAndOut() throws Exception {
        Browser b = new Browser();
        assertThat(b.get("/web/bodies").statusCode()).isEqualTo(401);
        HttpResponse<String> in = b.signIn("mayor", Api.PASSWORD, "/web/bodies?asOf=2025-01-01");
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/web/bodies?asOf=2025-01-01");
        assertThat(in.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("HttpOnly")
                && c.contains("SameSite=Lax"));
        HttpResponse<String> bodies = b.get("/web/bodies");
        assertThat(bodies.statusCode()).isEqualTo(200);
        assertThat(bodies.body()).contains("Utente: mayor", "id=\"logout\"");
        // a form sent without its token is refused
        assertThat(b.post("/web/logout", "").statusCode()).isEqualTo(403);
        HttpResponse<String> out = b.post("/web/logout", "_csrf=" + enc(b.csrf("/web/bodies")));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?uscita");
        assertThat(b.get("/web/login?uscita").body()).contains("È uscito dal Registro.");
        assertThat(b.get("/web/bodies").statusCode()).isEqualTo(401);
        // never sent off the pages after signing in
        assertThat(new Browser().signIn("mayor", Api.PASSWORD, "https://example.invalid/").headers().firstValue("Location").orElseThrow())
                .endsWith("/web");
    }

    @Test
    @DisplayName("wrong passwords are refused and logged; after five the account is blocked for a while, even with the right one")
    void failuresThrottledAndLogged() throws Exception {
        Browser b = new Browser();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = b.signIn("auditor", "not-the-password-" + i, null);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?errore");
        }
        assertThat(b.get("/web/login?errore").body()).contains("Nome utente o password non corretti.");
        HttpResponse<String> blocked = b.signIn("auditor", Api.PASSWORD, null);
        assertThat(blocked.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?bloccato");
        assertThat(b.get("/web/login?bloccato").body()).contains("Troppi tentativi non riusciti");
        assertThat(b.get("/web/audit/verification").statusCode()).isEqualTo(401);
        String log = Api.as(port, "admin").get("/api/security/denials?limit=100").body();
        assertThat(log).contains("wrong account or password", "too many failed sign-ins");
        // another account from elsewhere is not blocked by these failures
        assertThat(new Browser().signIn("mayor", Api.PASSWORD, null).headers().firstValue("Location").orElseThrow()).endsWith("/web");
    }
}
