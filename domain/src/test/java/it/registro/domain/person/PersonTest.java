package it.registro.domain.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.person.api.PersonAliasRecorded;
import it.registro.domain.person.api.PersonRegistered;
import it.registro.domain.person.api.RecordPersonAlias;
import it.registro.domain.person.api.RegisterPerson;

import static it.registro.domain.common.Rejections.rejectedWith;

class PersonTest {

    private final AggregateTestFixture<Person> fixture = new AggregateTestFixture<>(Person.class);
    private static final PersonRegistered VIRGILIO = new PersonRegistered("p-1", "Leonardo Virgilio", "seed 004 L15");

    @Test
    @DisplayName("a person is registered under a name, with its source")
    void register() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("p-1", " Leonardo  Virgilio", "seed 004 L15"))
                .expectEvents(VIRGILIO);
    }

    @Test
    @DisplayName("G8: a conflicting given name becomes an alias of the same person and is flagged NAME_VARIANT (seed 004 L243)")
    void alias() {
        fixture.given(VIRGILIO)
                .when(new RecordPersonAlias("p-1", "ANDREA VIRGILIO", "seed 004 L243"))
                .expectEvents(new PersonAliasRecorded("p-1", "ANDREA VIRGILIO", "seed 004 L243"),
                        new it.registro.domain.person.api.NameVariantFlagged("p-1", "ANDREA VIRGILIO",
                                java.util.List.of("Leonardo Virgilio"), "seed 004 L243"));
    }

    @Test
    @DisplayName("G8: a subset of the known names, or the same names reordered, raises no flag")
    void subsetNoFlag() {
        fixture.given(new PersonRegistered("p-2", "Ennio Roberto Oliva", "seed 004 L24"))
                .when(new RecordPersonAlias("p-2", "ROBERTO OLIVA", "seed 004 L251"))
                .expectEvents(new PersonAliasRecorded("p-2", "ROBERTO OLIVA", "seed 004 L251"));
        new AggregateTestFixture<>(Person.class).given(new PersonRegistered("n1", "Ida Maria Ada Ramponi", "seed 004 L81"))
                .when(new RecordPersonAlias("n1", "Ramponi Ida Maria Ada", "seed 004 L9"))
                .expectEvents(new PersonAliasRecorded("n1", "Ramponi Ida Maria Ada", "seed 004 L9"));
    }

    @Test
    @DisplayName("a form differing only in case is already known")
    void aliasKnown() {
        fixture.given(VIRGILIO)
                .when(new RecordPersonAlias("p-1", "LEONARDO VIRGILIO", "seed 004 L117"))
                .expectException(rejectedWith("ALIAS_ALREADY_KNOWN"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a name is required and the id must be well formed")
    void badInput() {
        fixture.givenNoPriorActivity().when(new RegisterPerson("p-2", "  ", null))
                .expectException(rejectedWith("FIELD_REQUIRED", "name")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterPerson("p 2", "x", null))
                .expectException(rejectedWith("PERSON_ID_MALFORMED", "id")).expectNoEvents();
    }
}
