package it.registro.domain.session.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The quorum at a declaration's instant as the voting floor gives it after a correction of attendance. */
@Revision("1")
public record QuorumRecomputed(String sessionId, Instant at, QuorumFigures computed, String correctionOf) {
}
