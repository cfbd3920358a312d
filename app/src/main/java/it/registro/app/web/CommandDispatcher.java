package it.registro.app.web;

import java.util.Locale;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import it.registro.domain.common.CommandRejectedException;

/**
 * Sends a command and turns the command side's refusals into {@link ApiException}s with stable
 * codes: a policy's rejection keeps its own code; a missing aggregate becomes {@code <RESOURCE>_NOT_FOUND};
 * a second creation of the same id {@code DUPLICATE_<RESOURCE>}; a stale version or a lost race
 * {@code CONCURRENT_MODIFICATION}. In every one of these cases no event was stored.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final ReadModelAwaiter awaiter;

    public CommandDispatcher(CommandGateway commandGateway, ReadModelAwaiter awaiter) {
        this.commandGateway = commandGateway;
        this.awaiter = awaiter;
    }

    /**
     * Sends a command that answers the aggregate's new version and answers the caller as every write does: the
     * id, the version, and whether the read model shows it yet ({@code projectedVersion}, bounded wait).
     */
    public org.springframework.http.ResponseEntity<CommandAccepted> sendAndAwait(Object command, String resource, String id,
                                                                               java.util.function.LongSupplier projectedVersion) {
        Object result = send(command, resource, id);
        long version = result instanceof Long v ? v : 0;
        boolean projected = awaiter.awaitOwnWrite(projectedVersion, version);
        return org.springframework.http.ResponseEntity.ok().eTag(Etags.of(version)).body(new CommandAccepted(id, version, projected));
    }

    /**
     * Sends a command that creates an aggregate and answers as every creation does: 201 with the new resource's
     * {@code location}, version 0, and whether the read model shows it yet ({@code projectedVersion}, bounded wait).
     */
    public org.springframework.http.ResponseEntity<CommandAccepted> create(Object command, String resource, String id, String location,
                                                                         java.util.function.LongSupplier projectedVersion) {
        send(command, resource, id);
        boolean projected = awaiter.awaitOwnWrite(projectedVersion, 0);
        return org.springframework.http.ResponseEntity.created(java.net.URI.create(location)).eTag(Etags.of(0))
                .body(new CommandAccepted(id, 0, projected));
    }

    /**
     * @param resource the resource's name in codes, e.g. "BODY"
     * @param id       the addressed id, for messages
     */
    public <R> R send(Object command, String resource, String id) {
        return send(command, resource, id, "DUPLICATE_" + resource);
    }

    /** As {@link #send(Object, String, String)}, where the domain names a second creation with its own code. */
    public <R> R send(Object command, String resource, String id, String duplicateCode) {
        return send(command, java.util.Map.of(), resource, id, duplicateCode);
    }

    /** As {@link #send(Object, String, String, String)}, with metadata the command's handler reads (e.g. a late entry's reason). */
    public <R> R send(Object command, java.util.Map<String, ?> metadata, String resource, String id, String duplicateCode) {
        it.registro.app.store.engine.AppendedPosition.clear();
        try {
            return metadata.isEmpty() ? commandGateway.sendAndWait(command)
                    : commandGateway.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(metadata));
        } catch (RuntimeException e) {
            throw translate(unwrap(e), resource, id, duplicateCode);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CommandExecutionException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException translate(Throwable e, String resource, String id, String duplicateCode) {
        String noun = resource.toLowerCase(Locale.ROOT);
        if (e instanceof it.registro.app.web.ForbiddenException forbidden) {
            return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, forbidden.getMessage());
        }
        if (e instanceof CommandRejectedException rejected) {
            return ApiException.of(rejected.rejection());
        }
        if (e instanceof AggregateNotFoundException) {
            return new ApiException(HttpStatus.NOT_FOUND, resource + "_NOT_FOUND", "id",
                    "No " + noun + " with id '" + id + "'");
        }
        if (e instanceof AggregateStreamCreationException) {
            return new ApiException(HttpStatus.CONFLICT, duplicateCode, "id",
                    "A " + noun + " with id '" + id + "' already exists");
        }
        if (e instanceof ConcurrencyException || e instanceof ConflictingModificationException) {
            return new ApiException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", null,
                    "The " + noun + " '" + id + "' was changed by someone else; read it again and retry");
        }
        return e instanceof RuntimeException re ? re : new IllegalStateException(e);
    }
}
