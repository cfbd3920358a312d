package it.registro.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptsTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("five failures block the account for the window, not other accounts; the window passing or a success clears it")
    void throttle() {
        Hand clock = new Hand();
        LoginAttempts attempts = new LoginAttempts(clock);
        for (int i = 0; i < LoginAttempts.MAX_FAILURES - 1; i++) {
            attempts.failed("Segreteria", "10.0.0.1");
        }
        assertThat(attempts.blocked("segreteria", "10.0.0.2")).isFalse();
        attempts.failed("segreteria ", "10.0.0.1");
        assertThat(attempts.blocked("SEGRETERIA", "10.0.0.2")).as("the account, however it is typed, from anywhere").isTrue();
        assertThat(attempts.blocked("sindaco", "10.0.0.2")).isFalse();
        clock.now = clock.now.plus(LoginAttempts.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(attempts.blocked("segreteria", "10.0.0.2")).isFalse();
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            attempts.failed("segreteria", "10.0.0.1");
        }
        attempts.succeeded("segreteria");
        assertThat(attempts.blocked("segreteria", "10.0.0.3")).isFalse();
        // an address that tries many accounts is blocked too
        for (int i = 0; i < LoginAttempts.MAX_FAILURES * 4; i++) {
            attempts.failed("user-" + i, "10.0.0.9");
        }
        assertThat(attempts.blocked("nobody-yet", "10.0.0.9")).isTrue();
    }
}
