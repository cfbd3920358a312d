package it.registro.app.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import it.registro.app.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** A password that matched is recognised without bcrypt for a while; anything else always pays bcrypt. */
class VerifiedPasswordsTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void aMatchedPasswordIsRecognisedWithoutBcryptUntilItExpires() {
        VerifiedPasswords passwords = new VerifiedPasswords(counted, Duration.ofMinutes(5), clock);
        String hash = bcrypt.encode("demo-admin");

        assertThat(passwords.matches("demo-admin", hash)).isTrue();
        assertThat(passwords.matches("demo-admin", hash)).isTrue();
        assertThat(passwords.matches("demo-admin", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(passwords.matches("demo-admin", hash)).isTrue();
        assertThat(bcryptChecks).as("expired: checked again").hasValue(2);
    }

    @Test
    void aWrongPasswordAlwaysGoesToBcryptAndNeverMatches() {
        VerifiedPasswords passwords = new VerifiedPasswords(counted, Duration.ofMinutes(5), clock);
        String hash = bcrypt.encode("demo-admin");
        assertThat(passwords.matches("demo-admin", hash)).isTrue();

        assertThat(passwords.matches("demo-admiN", hash)).isFalse();
        assertThat(passwords.matches("demo-admiN", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(bcryptChecks).hasValue(4);
        assertThat(passwords.matches("demo-admin", hash)).as("the right one is still known").isTrue();
        assertThat(bcryptChecks).hasValue(4);
    }

    @Test
    void aPasswordIsKnownOnlyForItsOwnHash() {
        VerifiedPasswords passwords = new VerifiedPasswords(counted, Duration.ofMinutes(5), clock);
        String admin = bcrypt.encode("demo-admin");
        String other = bcrypt.encode("another");
        assertThat(passwords.matches("demo-admin", admin)).isTrue();
        assertThat(passwords.matches("demo-admin", other)).isFalse();
        assertThat(bcryptChecks).hasValue(2);
    }
}
