package it.registro.app.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelAwaiterTest {

    @Test
    void waitsUntilTheReadModelShowsTheVersion() {
        AtomicInteger looks = new AtomicInteger();
        boolean projected = new ReadModelAwaiter(Duration.ofSeconds(2)).await(() -> looks.incrementAndGet() >= 5 ? 7 : 6, 7);
        assertThat(projected).isTrue();
        assertThat(looks).hasValue(5);
    }

    @Test
    void givesUpAfterItsBoundAndSaysSo() {
        AtomicInteger looks = new AtomicInteger();
        boolean projected = new ReadModelAwaiter(Duration.ofMillis(30)).await(() -> {
            looks.incrementAndGet();
            return -1;
        }, 0);
        assertThat(projected).isFalse();
        assertThat(looks.get()).isGreaterThan(1);
    }

    @Test
    void anAlreadyProjectedVersionIsAnsweredAtOnce() {
        AtomicInteger looks = new AtomicInteger();
        assertThat(new ReadModelAwaiter(Duration.ofSeconds(2)).await(() -> {
            looks.incrementAndGet();
            return 9;
        }, 7)).isTrue();
        assertThat(looks).hasValue(1);
    }
}
