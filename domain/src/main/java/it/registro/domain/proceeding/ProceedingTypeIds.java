package it.registro.domain.proceeding;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import it.registro.domain.common.Text;

/**
 * A proceeding type's id from its agency, area and name. Names repeat across areas ("Controlli
 * amministrativi sulle imprese" is both an Acquisti and a Bilancio proceeding, seed 003) and run to
 * hundreds of characters, so the readable part is cut and a checksum of the whole key keeps ids apart.
 */
public final class ProceedingTypeIds {

    private ProceedingTypeIds() {
    }

    public static String of(String agencyName, String area, String name) {
        String key = Text.collapse(agencyName) + "|" + Text.collapse(area) + "|" + Text.collapse(name);
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        String readable = Text.slug(agencyName + " " + name);
        if (readable.length() > 60) {
            readable = readable.substring(0, 60).replaceAll("-+$", "");
        }
        return readable + "-" + String.format("%08x", crc.getValue());
    }
}
