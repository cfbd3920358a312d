package it.registro.app.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No container engine runs on the build machines, so compose.yaml cannot be started here; this
 * checks what can be checked without one: it parses, the app reaches MongoDB through MONGODB_URI
 * as a replica set with majority, journaled writes, and waits for a healthy primary.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheAppAgainstAReplicaSet() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> mongo = (Map<String, Object>) services.get("mongo");
        Map<String, Object> app = (Map<String, Object>) services.get("app");

        assertThat((List<String>) mongo.get("command")).containsSequence("--replSet", "rs0");
        assertThat(mongo).containsKey("healthcheck");

        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        ConnectionString uri = new ConnectionString((String) env.get("MONGODB_URI"));
        assertThat(uri.getRequiredReplicaSetName()).isEqualTo("rs0");
        assertThat(uri.getDatabase()).isEqualTo("registro");
        assertThat(uri.getWriteConcern()).isNotNull();
        assertThat(uri.getWriteConcern().getWString()).isEqualTo("majority");
        assertThat(uri.getWriteConcern().getJournal()).isTrue();
        assertThat(uri.getHosts()).containsExactly("mongo:27017");

        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat(((Map<String, Object>) dependsOn.get("mongo")).get("condition")).isEqualTo("service_healthy");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Files.exists(ROOT.resolve("Dockerfile"))).isTrue();
    }
}
