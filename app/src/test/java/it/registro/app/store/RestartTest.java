package it.registro.app.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import it.registro.app.RegistroApplication;
import it.registro.app.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The default run: the embedded store in a file under the data directory keeps what was recorded across a restart. */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RegistroApplication.class).run(
                "--server.port=0",
                "--spring.profiles.active=test",
                "--registro.store.embedded-backend=FILE",
                "--registro.store.data-dir=" + dataDir);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    @DisplayName("a body registered before a restart is still there after it, and new commands continue its history")
    void survivesRestart() {
        try (ConfigurableApplicationContext first = start()) {
            Api.Response created = api(first).postJson("/api/bodies", """
                    {"id":"conferenza-asst-mantova","kind":"CONFERENZA_DEI_SINDACI",
                     "agency":{"kind":"ASST","name":"ASST Mantova"},"name":"Conferenza dei Sindaci ASST Mantova"}""");
            assertThat(created.status()).isEqualTo(201);
        }
        assertThat(Files.exists(dataDir.resolve("registro.mv"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/bodies/conferenza-asst-mantova").status() == 200);
            assertThat(api.get("/api/bodies/conferenza-asst-mantova").json().get("name").asString())
                    .isEqualTo("Conferenza dei Sindaci ASST Mantova");
            // the event stream continues where it was: the next event is version 1, and a duplicate is still refused
            assertThat(api.postJson("/api/bodies/conferenza-asst-mantova/rename",
                    "{\"name\":\"Conferenza dei Sindaci di ASST Mantova\",\"reason\":\"r\",\"effectiveFrom\":\"2024-01-01\"}",
                    "If-Match", "\"0\"").status()).isEqualTo(200);
            assertThat(api.postJson("/api/bodies", """
                    {"id":"conferenza-asst-mantova","kind":"CONFERENZA_DEI_SINDACI",
                     "agency":{"kind":"ASST","name":"ASST Mantova"},"name":"Altro"}""").status()).isEqualTo(409);
        }
    }
}
