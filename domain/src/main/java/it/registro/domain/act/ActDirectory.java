package it.registro.domain.act;

import java.time.LocalDate;
import java.util.List;

import it.registro.domain.act.api.ActType;
import it.registro.domain.act.api.ParsedCitation;

/** The registered acts a citation may mean: same number and year, or (with no number) same type and date. */
public interface ActDirectory {

    List<Candidate> candidates(ParsedCitation citation);

    record Candidate(String actId, ActType type, String number, Integer year, LocalDate date) {
    }
}
