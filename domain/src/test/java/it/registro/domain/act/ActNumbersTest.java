package it.registro.domain.act;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.common.CommandRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 20 #6: one spelling per act number, so that an act is never registered twice under two spellings. */
class ActNumbersTest {

    @Test
    @DisplayName("leading zeros and spaces do not make another number; letters are capitals")
    void oneSpelling() {
        assertThat(ActNumbers.parse("0279").number()).isEqualTo("279");
        assertThat(ActNumbers.parse(" 2 79 ").number()).isEqualTo("279");
        assertThat(ActNumbers.parse("279bis").number()).isEqualTo("279BIS");
        assertThat(ActNumbers.parse("XI / 06278").number()).isEqualTo("XI/6278");
        assertThat(ActNumbers.parse("0").number()).isEqualTo("0");
        assertThat(ActNumbers.parse(null).number()).isNull();
    }

    @Test
    @DisplayName("N/YYYY is read as number and year; a year that disagrees, or another slash form, is refused")
    void numberWithYear() {
        assertThat(ActNumbers.parse("279/2022")).isEqualTo(new ActNumbers.Parsed("279", 2022));
        assertThat(ActNumbers.parse("0279/2022", 2022)).isEqualTo(new ActNumbers.Parsed("279", 2022));
        assertThat(ActNumbers.parse("279", 2022)).isEqualTo(new ActNumbers.Parsed("279", 2022));
        assertThatThrownBy(() -> ActNumbers.parse("279/2022", 2023)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("2022");
        assertThatThrownBy(() -> ActNumbers.parse("279/22")).isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).rejection().code()).isEqualTo("ACT_NUMBER_MALFORMED"));
        assertThatThrownBy(() -> ActNumbers.parse("n. 279")).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    @DisplayName("comparing never refuses: a citation's number is compared in the same spelling")
    void comparable() {
        assertThat(ActNumbers.comparable("0279")).isEqualTo(ActNumbers.comparable("279"));
        assertThat(ActNumbers.comparable("279/22")).isEqualTo("279/22");
    }
}
