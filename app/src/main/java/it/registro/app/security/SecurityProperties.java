package it.registro.app.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the service.
 *
 * @param users            accounts checked with HTTP Basic (bcrypt hashes only): the demo accounts of the
 *                         embedded default, documented in the README; leave empty in production
 * @param jwtPublicKey     PEM of the key that signs bearer tokens (production: the identity provider's)
 * @param jwtIssuerUri     or the issuer, whose keys are then fetched from it
 * @param writesPerMinute  per principal, on write endpoints
 */
@ConfigurationProperties("registro.security")
public record SecurityProperties(
        @DefaultValue List<User> users,
        String jwtPublicKey,
        String jwtIssuerUri,
        @DefaultValue("600") int writesPerMinute) {

    /** @param bodies the bodies whose sessions a SECRETARIAT records */
    public record User(String username, String passwordHash, @DefaultValue List<String> roles,
                       @DefaultValue List<String> bodies) {
    }
}
