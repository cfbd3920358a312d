package it.registro.app.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import it.registro.app.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Production authentication: bearer JWTs signed by the identity provider, with roles and bodies claims. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registro.store.embedded-backend=MEMORY", "spring.profiles.active=test"})
@DirtiesContext
class JwtAuthenticationTest {

    private static final KeyPair PROVIDER = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void providerKey(DynamicPropertyRegistry registry) {
        registry.add("registro.security.jwt-public-key", () -> "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----");
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair key, String subject, List<String> roles, List<String> bodies, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                    .expirationTime(Date.from(expires)).claim("roles", roles).claim("bodies", bodies).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Api bearer(String token) {
        return Api.anonymous(port).withAuthorization("Bearer " + token);
    }

    private Api bearer(String subject, List<String> roles, List<String> bodies) {
        return bearer(token(PROVIDER, subject, roles, bodies, Instant.now().plusSeconds(600)));
    }

    @Test
    @DisplayName("a secretariat's token records its own body's sessions only; a mayor's reads and writes nothing")
    void rolesAndBodiesFromClaims() {
        Api.as(port, "admin").postJson("/api/bodies", """
                {"id":"jwt-body","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Jwt"},"name":"Conferenza Jwt"}""");
        Api.as(port, "admin").postJson("/api/bodies", """
                {"id":"jwt-other","kind":"CONFERENZA_DEI_SINDACI","agency":{"kind":"ASST","name":"ASST Jwt"},"name":"Conferenza Jwt Altra"}""");
        Api clerk = bearer("segreteria-jwt", List.of("SECRETARIAT"), List.of("jwt-body"));
        assertThat(clerk.postJson("/api/sessions", "{\"bodyId\":\"jwt-body\",\"date\":\"2025-03-01\"}").status()).isEqualTo(201);
        assertThat(clerk.postJson("/api/sessions", "{\"bodyId\":\"jwt-other\",\"date\":\"2025-03-01\"}").status()).isEqualTo(403);
        Api mayor = bearer("sindaco-jwt", List.of("MAYOR"), List.of());
        assertThat(mayor.get("/api/sessions/jwt-body-2025-03-01").status()).isEqualTo(200);
        assertThat(mayor.postJson("/api/persons", "{\"name\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("a token cannot claim the service's own SYSTEM role")
    void noSystemRoleFromOutside() {
        Api system = bearer("intruder", List.of("SYSTEM"), List.of());
        assertThat(system.get("/api/bodies").status()).isEqualTo(403);
        assertThat(system.postJson("/api/bodies/jwt-body/officers",
                "{\"office\":\"PRESIDENT\",\"personId\":\"p\",\"at\":\"2025-03-01T10:00\"}").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("a token signed by another key, or expired, is refused with 401")
    void badTokens() {
        assertThat(bearer(token(STRANGER, "x", List.of("ADMIN"), List.of(), Instant.now().plusSeconds(600))).get("/api/bodies").status())
                .isEqualTo(401);
        assertThat(bearer(token(PROVIDER, "x", List.of("ADMIN"), List.of(), Instant.now().minusSeconds(600))).get("/api/bodies").status())
                .isEqualTo(401);
        assertThat(bearer("not-a-jwt").get("/api/bodies").status()).isEqualTo(401);
    }
}
