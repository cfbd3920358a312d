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

    @Test
    void whenItsProcessorRunsHereAnAnnouncedCommitWakesTheWaiter() throws Exception {
        // a safety net far beyond the test's own limit: only the announcement can end the wait in time
        ReadModelAwaiter awaiter = new ReadModelAwaiter(Duration.ofHours(1), () -> true, Duration.ofHours(1));
        AtomicInteger looks = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong shown = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.CompletableFuture<Boolean> answer = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> awaiter.await(() -> {
                    looks.incrementAndGet();
                    return shown.get();
                }, 3));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> looks.get() == 1);
        shown.set(3);
        awaiter.readModelsCommitted();
        assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void whenItsProcessorRunsHereAWriteIsAwaitedByItsPlaceInTheSequenceWithoutAskingTheReadModel() throws Exception {
        ReadModelAwaiter awaiter = new ReadModelAwaiter(Duration.ofHours(1), () -> true, Duration.ofHours(1));
        AtomicInteger looks = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Boolean> answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            it.registro.app.store.engine.AppendedPosition.clear();
            it.registro.app.store.engine.AppendedPosition.appended(42);
            return awaiter.awaitOwnWrite(() -> looks.incrementAndGet(), 7);
        });
        awaiter.readModelsCommitted(41);    // a batch short of the write: still waiting
        assertThat(answer).isNotDone();
        awaiter.readModelsCommitted(42);
        assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(looks).hasValue(0);
    }

    @Test
    void withoutAPositionOrWithTheProcessorElsewhereTheReadModelIsAsked() {
        it.registro.app.store.engine.AppendedPosition.clear();
        AtomicInteger looks = new AtomicInteger();
        assertThat(new ReadModelAwaiter(Duration.ofSeconds(2), () -> true, Duration.ofMillis(1))
                .awaitOwnWrite(() -> looks.incrementAndGet() >= 2 ? 7 : 6, 7)).isTrue();
        assertThat(looks).hasValue(2);
        it.registro.app.store.engine.AppendedPosition.appended(5);
        looks.set(0);
        assertThat(new ReadModelAwaiter(Duration.ofSeconds(2), () -> false).awaitOwnWrite(() -> looks.incrementAndGet() >= 2 ? 7 : 6, 7))
                .isTrue();
        assertThat(looks).hasValue(2);
        it.registro.app.store.engine.AppendedPosition.clear();
    }

    @Test
    void aWriteNoReadModelHandlesIsAnsweredOnceTheProcessorHasPassedIt() throws Exception {
        java.util.concurrent.atomic.AtomicLong processorAt = new java.util.concurrent.atomic.AtomicLong(8);
        ReadModelAwaiter awaiter = new ReadModelAwaiter(Duration.ofHours(1), () -> true, Duration.ofMillis(5), processorAt::get);
        java.util.concurrent.CompletableFuture<Boolean> answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            it.registro.app.store.engine.AppendedPosition.clear();
            it.registro.app.store.engine.AppendedPosition.appended(10);
            return awaiter.awaitOwnWrite(() -> -1, 3);
        });
        assertThat(answer).isNotDone();
        processorAt.set(10);    // the processor skipped past it: nothing was committed, nothing announced
        assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
