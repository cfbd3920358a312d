package it.registro.domain.poas;

import java.util.List;

/** What a unit's scheduling needs to know of the POAS: which plan an act belongs to, as the plans' own events say. */
public interface PoasFacts {

    /** The POAS whose adoption, modification, amendment or approval is this act. */
    List<String> poasUsing(String actId);

    /** Whether the POAS exists and this act is one of its acts. */
    boolean uses(String poasId, String actId);
}
