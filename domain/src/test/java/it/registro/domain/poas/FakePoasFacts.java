package it.registro.domain.poas;

import java.util.List;
import java.util.Map;

/** The plans as a test states them: act → the POAS it belongs to. */
record FakePoasFacts(Map<String, String> poasOfAct) implements PoasFacts {

    @Override
    public List<String> poasUsing(String actId) {
        String poas = poasOfAct.get(actId);
        return poas == null ? List.of() : List.of(poas);
    }

    @Override
    public boolean uses(String poasId, String actId) {
        return poasId.equals(poasOfAct.get(actId));
    }
}
