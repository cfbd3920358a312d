package it.registro.domain.proceeding;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.proceeding.api.TermKind;
import it.registro.domain.proceeding.api.TermRule;
import it.registro.domain.proceeding.policy.TermParser;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms as seed 003 words them (row number and seed lines of each), read or reported as unread. */
class TermParserTest {

    private static TermRule rule(String text) {
        TermParser.Result r = TermParser.parse(text);
        assertThat(r.parsed()).as("%s: %s", text, r.problem()).isTrue();
        return r.rule();
    }

    @Test
    @DisplayName("one term per kind")
    void kinds() {
        assertThat(rule("30 giorni")).isEqualTo(TermRule.calendarDays(30, null)); // row 1, L58
        assertThat(rule("30 gg da adozione atto deliberativo")) // row 35, L3888-3967
                .isEqualTo(TermRule.calendarDays(30, "da adozione atto deliberativo"));
        assertThat(rule("Entro 30 gg dalla data di protocollazione della richiesta (L. 241/1990 e ss.mm.ii.)").amount()).isEqualTo(30); // row 22
        assertThat(rule("immediato")).isEqualTo(TermRule.calendarDays(0, "immediato")); // row 96
        assertThat(rule("10 gg lavorativi per la valutazione")).isEqualTo(TermRule.workingDays(10, "per la valutazione")); // row 85
        assertThat(rule("entro 24 ore dall'istanza")).isEqualTo(TermRule.hours(24, "dall'istanza")); // row 91
        assertThat(rule("entro il 30/04 dell'anno successivo a quello di riferimento salvo diverse disposizioni regionali"))
                .isEqualTo(TermRule.calendarDate(4, 30, 1)); // row 69, L7648-7740
        assertThat(rule("Entro 31 gennaio di ogni anno (salvo proroga prevista dalla norma)"))
                .isEqualTo(TermRule.calendarDate(1, 31, 0)); // row 116
        assertThat(rule("scadenze trimestrali: 15/4-15/7-15/10-15/01 salvo diverse disposizioni regionali"))
                .isEqualTo(TermRule.periodic(3, 15)); // row 71
        assertThat(rule("Entro il giorno 20 di ogni mese")).isEqualTo(TermRule.periodic(1, 20)); // row 118
        assertThat(rule("Cadenza annuale (gennaio di ogni anno)")).isEqualTo(TermRule.periodic(12, null)); // row 114
        assertThat(rule("entro la scadenza del contratto").kind()).isEqualTo(TermKind.EVENT_RELATIVE); // row 24
        assertThat(rule("ai sensi di legge come definito nel Codice degli appalti").kind()).isEqualTo(TermKind.EXTERNAL_LAW); // row 16
        assertThat(rule("Termine a seconda di disposizioni di legge stabilite annualmente").kind()).isEqualTo(TermKind.EXTERNAL_LAW); // row 119
        assertThat(rule("Termine assegnato dall'azienda (non inferiore a 30 giorni)").kind()).isEqualTo(TermKind.EXTERNAL_LAW); // row 107
        assertThat(rule("non previsto, per variabilità")).isEqualTo(TermRule.notSet()); // row 38
        assertThat(rule("")).isEqualTo(TermRule.notSet()); // row 7: the cell is blank
    }

    @Test
    @DisplayName("several terms in one cell are reported, not guessed")
    void unparsed() {
        for (String text : new String[]{
                "1) 30 gg dalla richiesta; 2) 30 gg dai pareri definitivi; 3) 30 gg dall'accettazione del richiedente", // row 8
                "entro 30/60 gg data ricezione fattura secondo le modalità del contratto", // row 73
                "entro 24 ore dalla richiesta (pazienti ricoverati in U.O. per acuti); entro 72 ore (ricoverati in riabilitazione e sub-acuti)", // row 83
                "trimestrale, entro l'ultimo giorno del secondo mese successivo ad ogni trimestre", // row 76
                "entro il 28/02 e aggiornamento trimestrale entro il 20 del mese successivo, salvo diverse disposizioni ministeriali/regionali", // row 72
                "qualcosa senza termine"}) {
            assertThat(TermParser.parse(text).parsed()).as(text).isFalse();
            assertThat(TermParser.parse(text).problem()).as(text).isNotBlank();
        }
    }
}
