package it.registro.app.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * One-time credentials for a running import: the import sends each row of its file to the service's own API over the
 * loopback interface, as the importing user, so every row is validated, authorised per body and answered exactly as
 * that request would be. A token is 256 random bits, held in memory only for the run, accepted only from the loopback
 * interface, and names the authentication of whoever started the import.
 */
@Component
public class ImportTokens {

    public static final String HEADER = "Registro-Import-Token";
    /** Request attribute set on a request authenticated by an import token (no rate limit; import metadata trusted). */
    public static final String ATTRIBUTE = "registro.import";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Authentication> active = new ConcurrentHashMap<>();

    /** A fresh token for this authentication, valid until revoked. */
    public String issue(Authentication who) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        active.put(digest(token), who);
        return token;
    }

    public void revoke(String token) {
        active.remove(digest(token));
    }

    /** Looked up by the token's digest: a map lookup does not compare secrets character by character. */
    Optional<Authentication> authentication(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(active.get(digest(token)));
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
