package it.registro.domain.territory;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipTest {

    private static final LocalDate D2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate D2022 = LocalDate.of(2022, 3, 30);

    @Test
    @DisplayName("a comune that moves belongs to one place until the day it moves, and from that day to the other")
    void periodsDoNotOverlap() {
        Membership m = new Membership();
        m.join("comune-a", D2020);
        assertThat(m.mayJoin("comune-a", D2022)).as("already open").isFalse();
        assertThat(m.mayLeave("comune-a", D2020)).as("leaving on the day it joined").isFalse();
        assertThat(m.mayLeave("comune-a", D2022)).isTrue();
        m.leave("comune-a", D2022);
        assertThat(m.isMemberOn("comune-a", D2022.minusDays(1))).isTrue();
        assertThat(m.isMemberOn("comune-a", D2022)).isFalse();
        assertThat(m.mayJoin("comune-a", D2022.minusDays(1))).as("would overlap the closed period").isFalse();
        assertThat(m.mayJoin("comune-a", D2022.plusYears(1))).isTrue();
        m.join("comune-a", D2022.plusYears(1));
        assertThat(m.on(D2022.plusMonths(6))).isEmpty();
        assertThat(m.on(D2022.plusYears(2))).containsExactly("comune-a");
    }
}
