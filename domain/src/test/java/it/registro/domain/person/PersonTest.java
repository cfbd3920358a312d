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
    @DisplayName("another spelling becomes an alias of the same person (seed 004 L243: ANDREA VIRGILIO)")
    void alias() {
        fixture.given(VIRGILIO)
                .when(new RecordPersonAlias("p-1", "ANDREA VIRGILIO", "seed 004 L243"))
                .expectEvents(new PersonAliasRecorded("p-1", "ANDREA VIRGILIO", "seed 004 L243"));
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
