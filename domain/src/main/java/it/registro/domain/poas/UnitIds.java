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

    /** Units without a code (districts, departments) are known by their name. */
    public static String of(String agency, UnitType type, String code, String name, String presidio) {
        return of(agency, type, code == null || code.isBlank() ? name : code, presidio);
    }

    /** Whether units of this type carry an organigram code. */
    public static boolean coded(UnitType type) {
        return switch (type) {
            case SC, SSD, SS, SD, FUN -> true;
            default -> false;
        };
    }

    public static String of(String agency, UnitType type, String code, String presidio) {
        return Text.slug("unit " + agency + " " + type + " " + code + " " + (presidio == null || presidio.isBlank() ? "staff" : presidio));
    }
}
