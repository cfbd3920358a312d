package it.registro.app.audit.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import it.registro.app.RegistroApplication;
import it.registro.app.store.StoreProperties;
import it.registro.app.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The checkpoint key persists with the data, rotates, and every checkpoint names the key that signed it,
 * so a restart or a rotation never looks like tampering, and a checkpoint signed by a key the ledger
 * does not hold is named as such.
 */
class LedgerKeysTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RegistroApplication.class).run(
                "--server.port=0",
                "--spring.profiles.active=test",
                "--registro.store.embedded-backend=FILE",
                "--registro.store.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static JsonNode verify(int port) {
        return Api.as(port, "auditor").postJson("/api/audit/verification", "").json();
    }

    private static List<String> kinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.get("problems").forEach(p -> kinds.add(p.get("kind").asString()));
        return kinds;
    }

    private static void record(Api api, String id) {
        assertThat(api.postJson("/api/persons", "{\"id\":\"" + id + "\",\"name\":\"Persona " + id + "\"}").status()).isEqualTo(201);
    }

    private static long awaitLedger(int port, long size) {
        Api auditor = Api.as(port, "auditor");
        await().atMost(Duration.ofMinutes(2)).until(() -> auditor.get("/api/audit/checkpoints").json().get("ledgerSize").asLong() >= size);
        return size;
    }

    @Test
    @DisplayName("restart: the key kept in the data directory (600) signs on, and earlier checkpoints still verify")
    void survivesRestart() throws Exception {
        String keyId;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            record(new Api(port), "persona-a");
            awaitLedger(port, 1);
            JsonNode cp = Api.as(port, "admin").postJson("/api/admin/checkpoints", "").json();
            keyId = cp.get("keyId").asString();
            assertThat(keyId).hasSize(16);
        }
        Path keyFile = dataDir.resolve(LedgerKeys.KEY_FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            record(new Api(port), "persona-b");
            awaitLedger(port, 2);
            JsonNode cp = Api.as(port, "admin").postJson("/api/admin/checkpoints", "").json();
            assertThat(cp.get("keyId").asString()).isEqualTo(keyId);
            JsonNode report = verify(port);
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("checkpoints").asLong()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("rotation: new checkpoints name the new key, endorsed by the old; old and new verify, online and offline")
    void rotation() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            int port = port(context);
            Api admin = Api.as(port, "admin");
            Api auditor = Api.as(port, "auditor");
            record(new Api(port), "persona-c");
            awaitLedger(port, 1);
            JsonNode before = admin.postJson("/api/admin/checkpoints", "").json();
            String firstKey = auditor.get("/api/audit/checkpoints").json().get("publicKey").asString();

            assertThat(Api.as(port, "auditor").postJson("/api/admin/ledger/key-rotation", "").status()).isEqualTo(403);
            Api.Response rotated = admin.postJson("/api/admin/ledger/key-rotation", "");
            assertThat(rotated.status()).isEqualTo(200);
            assertThat(rotated.json().get("endorsedBy").asString()).isEqualTo(before.get("keyId").asString());

            record(new Api(port), "persona-d");
            awaitLedger(port, 2);
            JsonNode after = admin.postJson("/api/admin/checkpoints", "").json();
            assertThat(after.get("keyId").asString()).isEqualTo(rotated.json().get("keyId").asString()).isNotEqualTo(before.get("keyId").asString());
            JsonNode listed = auditor.get("/api/audit/checkpoints").json();
            assertThat(listed.get("keys").size()).isEqualTo(2);
            JsonNode report = verify(port);
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();

            String bundle = auditor.get("/api/audit/bundle", "Accept", "text/plain").body();
            assertThat(OfflineVerifier.check(bundle.lines().toList(), List.of(firstKey)).problems()).isEmpty();
            String stranger = Base64.getEncoder().encodeToString(newPair().getPublic().getEncoded());
            assertThat(OfflineVerifier.check(bundle.lines().toList(), List.of(stranger)).problems())
                    .anyMatch(p -> p.contains("which no trusted key endorses"));

            // an endorsement altered in the store is named
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            String rotatedId = rotated.json().get("keyId").asString();
            Document key = mongo.getCollection(LedgerKeys.KEYS).find(new Document("_id", rotatedId)).first();
            mongo.getCollection(LedgerKeys.KEYS).updateOne(new Document("_id", rotatedId),
                    new Document("$set", new Document("endorsement", Base64.getEncoder().encodeToString(new byte[64]))));
            try {
                assertThat(kinds(verify(port))).containsExactly("KEY_ENDORSEMENT_INVALID");
            } finally {
                mongo.getCollection(LedgerKeys.KEYS).replaceOne(new Document("_id", rotatedId), key);
            }
        }
    }

    @Test
    @DisplayName("a checkpoint signed by a key the ledger does not hold is named as such, not as a bad signature")
    void unknownKey() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            int port = port(context);
            record(new Api(port), "persona-e");
            awaitLedger(port, 1);
            JsonNode cp = Api.as(port, "admin").postJson("/api/admin/checkpoints", "").json();
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            KeyPair stranger = newPair();
            java.security.Signature s = java.security.Signature.getInstance("Ed25519");
            s.initSign(stranger.getPrivate());
            s.update(CheckpointText.of(cp.get("origin").asString(), 1, cp.get("root").asString()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String strangerId = LedgerKeys.keyIdOf(Base64.getEncoder().encodeToString(stranger.getPublic().getEncoded()));
            mongo.getCollection(Ledger.CHECKPOINTS).updateOne(new Document("_id", 1L), new Document("$set",
                    new Document("keyId", strangerId).append("signature", Base64.getEncoder().encodeToString(s.sign()))));
            JsonNode report = verify(port);
            assertThat(kinds(report)).containsExactly("CHECKPOINT_KEY_UNKNOWN");
            assertThat(report.get("problems").get(0).get("detail").asString()).contains(strangerId);
        }
    }

    @Test
    @DisplayName("with a real MongoDB and no key, the service refuses to start and says what to set; a configured key is not rotated by API")
    void productionNeedsAKey() throws Exception {
        StoreProperties external = new StoreProperties("mongodb://db.example:27017", "registro", StoreProperties.EmbeddedBackend.FILE,
                dataDir, StoreProperties.Engine.SEQUENCED, 0, true, true, Duration.ofSeconds(5));
        assertThatThrownBy(() -> new LedgerKeys(null, external, "", "", "", "origin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REGISTRO_LEDGER_KEY");

        KeyPair pair = newPair();
        MongoTemplate mongo = org.mockito.Mockito.mock(MongoTemplate.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        LedgerKeys configured = new LedgerKeys(mongo, external, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), "", "origin");
        assertThat(configured.ephemeral()).isFalse();
        assertThatThrownBy(() -> configured.rotate("admin")).isInstanceOf(it.registro.app.web.ApiException.class)
                .hasMessageContaining("configure a new REGISTRO_LEDGER_KEY");
    }

    private static KeyPair newPair() throws java.security.GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
