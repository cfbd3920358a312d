package it.registro.projections.common;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Matching keys for names written differently: case, accents, punctuation and word order ignored. */
public final class Names {

    private Names() {
    }

    /** "Ramponi Ida Maria Ada" and "Ida Maria Ada Ramponi" give the same key. */
    public static String key(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Arrays.stream(ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isBlank()).sorted().collect(Collectors.joining(" "));
    }
}
