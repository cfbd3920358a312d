package it.registro.app.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import it.registro.app.web.ApiException;
import it.registro.projections.audit.AuditProjection;

/** An aggregate's events as stored, with who recorded each: for the REST controller and the auditors' pages. */
@Service
public class AuditHistory {

    /** One stored event of an aggregate, read from the event store itself, with its metadata. */
    public record HistoryEntry(long sequence, String type, String eventId, Instant recordedAt, Map<String, Object> metadata, Object payload) {
    }

    public record History(String aggregateId, String aggregateType, Instant recordedBefore, long events, List<HistoryEntry> history) {
    }

    private final AsRecorded asRecorded;

    public AuditHistory(AsRecorded asRecorded) {
        this.asRecorded = asRecorded;
    }

    public History history(String id, Instant recordedBefore) {
        List<DomainEventMessage<?>> stream = asRecorded.stream(id);
        if (stream.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "AGGREGATE_NOT_FOUND", "id", "No events stored for '" + id + "'");
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (DomainEventMessage<?> e : stream) {
            if (recordedBefore == null || e.getTimestamp().isBefore(recordedBefore)) {
                entries.add(new HistoryEntry(e.getSequenceNumber(), e.getPayloadType().getSimpleName(), e.getIdentifier(), e.getTimestamp(),
                        new LinkedHashMap<>(e.getMetaData()), AuditProjection.plain(e.getPayload())));
            }
        }
        return new History(id, stream.get(0).getType(), recordedBefore, entries.size(), entries);
    }
}
