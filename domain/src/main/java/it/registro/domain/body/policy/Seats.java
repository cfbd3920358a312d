package it.registro.domain.body.policy;

import it.registro.domain.body.api.SeatRole;
import it.registro.domain.common.Text;

/** A seat is identified by what it is for, so the same seat keeps its id across composition acts. */
public final class Seats {

    private Seats() {
    }

    /** e.g. (CONFERENCE_PRESIDENT, "ASST Cremona") → "conference-president-asst-cremona". */
    public static String idOf(SeatRole role, String constituency) {
        return Text.slug(role.name() + " " + constituency);
    }
}
