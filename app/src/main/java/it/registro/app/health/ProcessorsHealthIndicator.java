package it.registro.app.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import it.registro.app.axon.ProcessorSupervisor;

/**
 * The event processors that keep the read models, the audit trail, the ledger and the feed: each one's
 * state, position and lag behind the newest stored event, and how often it was started again. DOWN while
 * one is stopped or in error (the supervisor starts it again; Axon retries a failing one with back-off).
 */
@Component("processors")
public class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorSupervisor supervisor;

    public ProcessorsHealthIndicator(ProcessorSupervisor supervisor) {
        super("Event processors health check failed");
        this.supervisor = supervisor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allRunning = true;
        for (ProcessorSupervisor.State s : supervisor.states()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", s.running());
            detail.put("error", s.error());
            detail.put("caughtUp", s.caughtUp());
            detail.put("position", s.position());
            detail.put("lag", s.lag());
            detail.put("restarts", s.restarts());
            builder.withDetail(s.name(), detail);
            allRunning &= s.running() && !s.error();
        }
        if (allRunning) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
