package it.registro.app.act;

import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import it.registro.domain.act.ActDirectory;
import it.registro.domain.act.api.FindActs;
import it.registro.domain.act.api.ParsedCitation;
import it.registro.projections.act.ActView;

/**
 * Finds the acts a citation may mean in the act register: by number and year (a number cited without
 * its legislature, "6681", matches "XI/6681"), or, with no number, by type and date.
 */
@Component
public class ReadModelActDirectory implements ActDirectory {

    private final QueryGateway queries;

    public ReadModelActDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<Candidate> candidates(ParsedCitation c) {
        List<ActView> acts;
        if (c.number() != null) {
            acts = find(new FindActs(null, null, null, c.year(), null)).stream()
                    .filter(a -> a.getNumber() != null && sameNumber(a.getNumber(), c.number())).toList();
        } else {
            acts = find(new FindActs(null, c.type(), null, null, c.date()));
        }
        return acts.stream().map(a -> new Candidate(a.getId(), a.getType(), a.getNumber(), a.getYear(), a.getDate())).toList();
    }

    private List<ActView> find(FindActs q) {
        return queries.query(q, ResponseTypes.multipleInstancesOf(ActView.class)).join();
    }

    static boolean sameNumber(String registered, String cited) {
        String r = it.registro.domain.act.ActNumbers.comparable(registered);
        String c = it.registro.domain.act.ActNumbers.comparable(cited);
        if (r.equals(c)) {
            return true;
        }
        // one of the two lacks the legislature: compare the numbers after it
        boolean rHas = r.contains("/");
        boolean cHas = c.contains("/");
        return rHas != cHas && r.substring(r.indexOf('/') + 1).equals(c.substring(c.indexOf('/') + 1));
    }
}
