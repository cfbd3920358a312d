package it.registro.domain.person;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.person.api.NameVariantFlagged;
import it.registro.domain.person.api.PersonAliasRecorded;
import it.registro.domain.person.api.PersonRegistered;
import it.registro.domain.person.api.RecordPersonAlias;
import it.registro.domain.person.api.RegisterPerson;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.requiredText;

/**
 * A person who sits in or takes part in a body. Documents spell names differently ("Leonardo
 * Virgilio" and "ANDREA VIRGILIO", seed 004 L15 and L243); the person has one stable id and keeps
 * every form of the name, each with its source.
 */
public class Person {

    @AggregateIdentifier
    private String personId;
    private final Set<String> nameForms = new HashSet<>();
    private final List<String> nameFormsInOrder = new ArrayList<>();

    protected Person() {
    }

    @CommandHandler
    public Person(RegisterPerson command) {
        Verdict.firstRejection(
                wellFormedPersonId(command.personId()),
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)
        ).orThrow();
        AggregateLifecycle.apply(new PersonRegistered(command.personId(), Text.collapse(command.name()),
                Text.collapse(command.source())));
    }

    @CommandHandler
    public long handle(RecordPersonAlias command) {
        Verdict.firstRejection(
                requiredText(command.alias(), "alias", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)
        ).orThrow();
        // Exact forms only: "LEONARDO VIRGILIO" differs from "Leonardo Virgilio" in case alone and is
        // not worth a second form, but a different spelling is.
        if (nameForms.contains(Text.collapse(command.alias()).toLowerCase(java.util.Locale.ROOT))) {
            throw new it.registro.domain.common.CommandRejectedException(Rejection.conflict("ALIAS_ALREADY_KNOWN",
                    "alias", "'" + command.alias() + "' is already a form of this person's name"));
        }
        String alias = Text.collapse(command.alias());
        boolean variant = nameForms.stream().noneMatch(known -> words(known).containsAll(words(alias)));
        List<String> known = new ArrayList<>(nameFormsInOrder);
        AggregateLifecycle.apply(new PersonAliasRecorded(personId, alias, Text.collapse(command.source())));
        if (variant) {
            // Not a subset or reordering of a known form: a different given name, say. Kept, and flagged.
            AggregateLifecycle.apply(new NameVariantFlagged(personId, alias, known, Text.collapse(command.source())));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The words of a name, for comparison: case, accents and punctuation ignored. */
    static Set<String> words(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        Set<String> words = new HashSet<>();
        for (String w : ascii.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        return words;
    }

    static Verdict wellFormedPersonId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9-]{1,99}")) {
            return Verdict.rejected(Rejection.invalid("PERSON_ID_MALFORMED", "id",
                    "A person id is 2 to 100 letters, digits and '-'"));
        }
        return Verdict.allowed();
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
        nameForms.add(event.name().toLowerCase(java.util.Locale.ROOT));
        nameFormsInOrder.add(event.name());
    }

    @EventSourcingHandler
    void on(PersonAliasRecorded event) {
        nameForms.add(event.alias().toLowerCase(java.util.Locale.ROOT));
        nameFormsInOrder.add(event.alias());
    }
}
