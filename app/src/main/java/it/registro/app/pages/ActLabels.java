package it.registro.app.pages;

import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import it.registro.app.web.BusinessTimes;
import it.registro.domain.act.api.FindAct;
import it.registro.domain.body.api.FindBody;
import it.registro.projections.act.ActProjection;
import it.registro.projections.body.BodyView;

/**
 * An act as a reader names it ("Decreto n. 279/2022 — Direttore Generale ASST Cremona") rather than by
 * its id; exposed to the templates as {@code @actLabels}. An act the register does not hold keeps its id.
 */
@Component("actLabels")
public class ActLabels {

    private static final Map<String, String> TYPES = Map.of("DECRETO", "Decreto", "DELIBERAZIONE", "Deliberazione", "DGR", "DGR",
            "DETERMINA", "Determina", "NOTA", "Nota", "CIRCOLARE", "Circolare", "OTHER", "Atto");

    private final QueryGateway queries;

    public ActLabels(QueryGateway queries) {
        this.queries = queries;
    }

    public String of(String actId) {
        if (actId == null || actId.isBlank()) {
            return "";
        }
        return queries.query(new FindAct(actId, BusinessTimes.todayIfAbsent(null)), ResponseTypes.optionalInstanceOf(ActProjection.ActRecord.class))
                .join().map(r -> {
                    var act = r.act();
                    String issuer = queries.query(new FindBody(act.getIssuerBodyId()), ResponseTypes.optionalInstanceOf(BodyView.class)).join()
                            .map(BodyView::getName).orElse(act.getIssuerBodyId());
                    return TYPES.getOrDefault(String.valueOf(act.getType()), "Atto") + " n. " + act.getNumber()
                            + (act.getYear() == null ? "" : "/" + act.getYear()) + " — " + issuer;
                }).orElse(actId);
    }
}
