package it.registro.domain.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.ByOffice;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatRole;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004 L19-21: the Collegio's seat of the President of a Conferenza is held by whoever presides over it that day. */
class SeatsByOfficeHistoryTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    @DisplayName("the seat is held by the other body's President when the day begins, for the comune they sit for there; a named holder wins")
    void holderFollowsTheOffice() {
        BodyHistory conferenza = new BodyHistory();
        conferenza.apply(new BodyRegistered("conferenza", null, null, "Conferenza", null));
        conferenza.apply(new SeatDefined("conferenza", "mayor-a", SeatRole.MAYOR, "comune-a", null, null));
        conferenza.apply(new MemberSeated("conferenza", "mayor-a", "p-a", null, "comune-a", JAN_1, null, null));
        conferenza.apply(new OfficerElected("conferenza", Office.PRESIDENT, "p-a", null, Instant.parse("2024-02-01T09:00:00Z"), null, null));

        BodyHistory collegio = new BodyHistory();
        collegio.apply(new BodyRegistered("collegio", null, null, "Collegio", null));
        collegio.apply(new SeatDefined("collegio", "pres", SeatRole.CONFERENCE_PRESIDENT, "ASST A", null, null,
                new ByOffice("conferenza", Office.PRESIDENT)));
        Map<String, BodyHistory> bodies = Map.of("conferenza", conferenza, "collegio", collegio);

        assertThat(collegio.on(LocalDate.of(2024, 2, 1), id -> Optional.ofNullable(bodies.get(id))).held())
                .as("elected during the day: not yet when it began").isEmpty();
        assertThat(collegio.on(LocalDate.of(2024, 2, 2), id -> Optional.ofNullable(bodies.get(id))).held())
                .containsExactly(new Terms.Term("pres", "p-a", "comune-a", LocalDate.of(2024, 2, 2), LocalDate.of(2024, 2, 2)));
        assertThat(collegio.on(LocalDate.of(2024, 2, 2), id -> Optional.empty()).held()).as("the other body unknown: vacant").isEmpty();

        collegio.apply(new MemberSeated("collegio", "pres", "p-x", null, null, LocalDate.of(2024, 3, 1), null, null));
        assertThat(collegio.on(LocalDate.of(2024, 3, 2), id -> Optional.ofNullable(bodies.get(id))).held())
                .extracting(Terms.Term::personId).containsExactly("p-x");
    }
}
