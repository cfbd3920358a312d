package it.registro.domain.common;

import java.text.Normalizer;
import java.util.Locale;

/** Small, pure helpers for the text the documents give us. */
public final class Text {

    private Text() {
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Collapses whitespace runs (PDF extraction leaves many) to one space and trims. */
    public static String collapse(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    /**
     * A URL-safe identifier from a name: accents removed, lower case, words joined by '-'.
     * "Collegio dei Sindaci – ATS Val Padana" becomes "collegio-dei-sindaci-ats-val-padana".
     */
    public static String slug(String s) {
        if (s == null) {
            return "";
        }
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
    }
}
