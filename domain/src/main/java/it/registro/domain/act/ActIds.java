package it.registro.domain.act;

import it.registro.domain.act.api.ActType;
import it.registro.domain.common.Text;

/** An act's id is its identity: issuer, type, number and year, e.g. "dg-asst-cremona-decreto-150-2022". */
public final class ActIds {

    private ActIds() {
    }

    public static String of(String issuerBodyId, ActType type, String number, int year) {
        return Text.slug(issuerBodyId + " " + type.name() + " " + number + " " + year);
    }
}
