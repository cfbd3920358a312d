package it.registro.domain.poas;

import it.registro.domain.common.Text;
import it.registro.domain.poas.api.UnitType;

/**
 * A unit's id comes from its natural key, agency, type, code and presidio, because codes alone repeat
 * (SC 13701 POOP and SC 13701 Aziendale; SSD 30101 POOP and SC 30101 POC).
 */
public final class UnitIds {

    private UnitIds() {
    }

    public static String of(String agency, UnitType type, String code, String presidio) {
        return Text.slug("unit " + agency + " " + type + " " + code + " " + (presidio == null || presidio.isBlank() ? "staff" : presidio));
    }
}
