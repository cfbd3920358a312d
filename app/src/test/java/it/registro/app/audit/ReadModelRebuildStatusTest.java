package it.registro.app.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.app.audit.ledger.StoredEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The rebuild's figures: the slowest processor's, and no replay shown once a processor is past its reset point. */
class ReadModelRebuildStatusTest {

    private static StreamingEventProcessor processor(String name, TrackingToken token, boolean caughtUp) {
        StreamingEventProcessor p = mock(StreamingEventProcessor.class);
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getTrackingToken()).thenReturn(token);
        when(status.isCaughtUp()).thenReturn(caughtUp);
        when(status.getCurrentPosition()).thenReturn(token == null ? OptionalLong.empty() : token.position());
        when(p.processingStatus()).thenReturn(Map.of(0, status));
        when(p.getName()).thenReturn(name);
        when(p.supportsReset()).thenReturn(true);
        return p;
    }

    private static GapAwareTrackingToken at(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    @Test
    @DisplayName("progress is the slowest processor's: one at the head and one half-way is half done")
    void slowestCounts() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        StreamingEventProcessor fast = processor("audit", ReplayToken.createReplayToken(at(1000), at(1000)), true);
        StreamingEventProcessor slow = processor("read-models", ReplayToken.createReplayToken(at(1000), at(500)), false);
        when(processing.eventProcessors()).thenReturn(Map.of("audit", fast, "read-models", slow));
        when(processing.eventProcessor(eq("audit"), eq(StreamingEventProcessor.class))).thenReturn(Optional.of(fast));
        when(processing.eventProcessor(eq("read-models"), eq(StreamingEventProcessor.class))).thenReturn(Optional.of(slow));
        when(fast.shutdownAsync()).thenReturn(java.util.concurrent.CompletableFuture.completedFuture(null));
        when(slow.shutdownAsync()).thenReturn(java.util.concurrent.CompletableFuture.completedFuture(null));
        StoredEvents stored = mock(StoredEvents.class);
        when(stored.count()).thenReturn(800L);
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(at(1000));

        it.registro.app.axon.ProcessorSupervisor supervisor = new it.registro.app.axon.ProcessorSupervisor(processing, eventStore,
                java.time.Duration.ofMinutes(1));
        ReadModelRebuild rebuild = new ReadModelRebuild(processing, stored, eventStore, supervisor);
        try {
            ReadModelRebuild.Status status = rebuild.start("admin");
            assertThat(status.total()).isEqualTo(800);
            assertThat(status.done()).isEqualTo(400);
            assertThat(status.state()).isEqualTo(ReadModelRebuild.State.RUNNING);
        } finally {
            rebuild.stop();
        }
    }

    @Test
    @DisplayName("a processor whose token reached its reset point is caught up, not replaying, though Axon still wraps the token")
    void replayEndsAtTheResetPoint() {
        ReplayToken reached = (ReplayToken) ((ReplayToken) ReplayToken.createReplayToken(at(1000), at(999))).advancedTo(at(1000));
        assertThat(reached).isInstanceOf(ReplayToken.class); // Axon keeps the mark: the reason for the check
        assertThat(ReadModelRebuild.statusOf(processor("audit", reached, true), 1000).replaying()).isFalse();
        assertThat(ReadModelRebuild.statusOf(processor("audit", ReplayToken.createReplayToken(at(1000), at(10)), false), 1000).replaying()).isTrue();
        assertThat(ReadModelRebuild.statusOf(processor("audit", at(1200), true), 1200).replaying()).isFalse();
    }
}
