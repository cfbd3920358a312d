package it.registro.domain.act;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.registro.domain.act.api.ParsedCitation;

import static org.assertj.core.api.Assertions.assertThat;

class CitationParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "DGR n. XI / 6278 del 11.04.2022                          | DGR           | XI/6278 | 2022 | 2022-04-11",  // 000 L42-43, L81
            "d.G.R. n. XI/6278 del 11.04.2022                         | DGR           | XI/6278 | 2022 | 2022-04-11",  // 000 L176
            "d.G.R. XI/6278/22                                        | DGR           | XI/6278 | 2022 | -",           // 000 L212
            "d.G.R.) n. XI/6278 dell’11/04/2022                       | DGR           | XI/6278 | 2022 | 2022-04-11",  // 000 L356
            "Linee Guida per l’adozione dei POAS (DGR 11 Aprile 2022) | DGR           | -       | 2022 | 2022-04-11",  // 002 L16
            "Decreto n. 327 8/11/2018                                 | DECRETO       | 327     | 2018 | 2018-11-08",  // 001 L2167
            "decreto della Regione Lombardia n°XI/1082 del 17-12-2018 | DECRETO       | XI/1082 | 2018 | 2018-12-17",  // 001 L191
            "DGR 6681 del 18 Luglio 2022                              | DGR           | 6681    | 2022 | 2022-07-18",  // 002 L181
            "DGR n.6681 del 18/07 2022                                | DGR           | 6681    | 2022 | 2022-07-18",  // 002 L206
            "deliberazione n. 279/2022                                | DELIBERAZIONE | 279     | 2022 | -",           // 000 L78
            "D.G.R. n. 6762 del 25/07/2022                            | DGR           | 6762    | 2022 | 2022-07-25",  // 004 L8
            "decreto direttoriale n. 150 dell’01/04/2019              | DECRETO       | 150     | 2019 | 2019-04-01",  // 000 L1263-1264
    })
    void readsTheCitationsOfTheSeeds(String text, String type, String number, Integer year, String date) {
        ParsedCitation p = CitationParser.parse(text.strip());
        assertThat(p.type() == null ? null : p.type().name()).isEqualTo(type);
        assertThat(p.number()).isEqualTo(number);
        assertThat(p.year()).isEqualTo(year);
        assertThat(p.date()).isEqualTo(date == null ? null : LocalDate.parse(date));
    }
}
