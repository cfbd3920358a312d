package it.registro.app.person;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.CommandAccepted;
import it.registro.app.web.ApiException;
import it.registro.app.web.CommandDispatcher;
import it.registro.domain.person.api.FindPerson;
import it.registro.domain.person.api.FindPersonVersion;
import it.registro.domain.person.api.FindPersonsByName;
import it.registro.domain.person.api.RecordPersonAlias;
import it.registro.domain.person.api.RegisterPerson;
import it.registro.projections.person.PersonHistory;
import it.registro.projections.person.PersonView;

@RestController
@RequestMapping(path = "/api/persons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Persons", description = "People who sit in or take part in bodies, with every form of their name")
public class PersonController {

    public record RegisterPersonRequest(
            @Size(min = 2, max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*") String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String source) {
    }

    public record AliasRequest(@NotBlank @Size(max = 200) String alias, @Size(max = 1000) String source) {
    }

    private final CommandDispatcher commands;
    private final QueryGateway queries;

    public PersonController(CommandDispatcher commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a person (id optional: a random one is given)")
    @it.registro.app.web.Creates
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterPersonRequest request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        return commands.create(new RegisterPerson(id, request.name(), request.source()), "PERSON", id, "/api/persons/" + id, () -> version(id));
    }

    @PostMapping(path = "/{id}/aliases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record another form of the person's name, as a document writes it")
    public ResponseEntity<CommandAccepted> alias(@PathVariable String id, @Valid @RequestBody AliasRequest request) {
        return commands.sendAndAwait(new RecordPersonAlias(id, request.alias(), request.source()), "PERSON", id, () -> version(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A person, the forms of their name, and the seats, offices and delegations they held")
    public PersonHistory get(@PathVariable String id) {
        return find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "PERSON_NOT_FOUND", "id",
                "No person with id '" + id + "'"));
    }

    @GetMapping
    @Operation(summary = "Persons any form of whose name matches (case, accents and word order ignored)")
    public List<PersonView> byName(@RequestParam @Size(min = 1, max = 200) String name) {
        return queries.query(new FindPersonsByName(name), ResponseTypes.multipleInstancesOf(PersonView.class)).join();
    }

    private Optional<PersonHistory> find(String id) {
        return queries.query(new FindPerson(id), ResponseTypes.optionalInstanceOf(PersonHistory.class)).join();
    }

    /** Only the version: the person's history (a search of every body) is not needed to see a write. */
    private long version(String id) {
        return queries.query(new FindPersonVersion(id), ResponseTypes.instanceOf(Long.class)).join();
    }
}
