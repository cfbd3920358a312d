package it.registro.app.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import it.registro.domain.body.api.Tally;
import it.registro.domain.common.BusinessTime;

/**
 * Italian labels and formats for the pages: the units' words here, every other code in {@link it.registro.app.web.Italiano}.
 * Exposed to the templates as {@code l}; codes the map does not know are shown as they are.
 */
public final class Labels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ITALIAN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.ITALIAN);

    private static final Map<String, String> WORDS = Map.ofEntries(
            // units
            Map.entry("DEPARTMENT", "Dipartimento"), Map.entry("DIRECTION", "Direzione"), Map.entry("FUN", "Funzione"), Map.entry("DISTRICT", "Distretto"),
            Map.entry("ACTIVATION_SCHEDULED", "attivazione programmata"), Map.entry("CLOSURE_SCHEDULED", "chiusura programmata"),
            Map.entry("CHANGE_APPROVED", "variazione approvata"),
            Map.entry("MOVED", "spostata"), Map.entry("PLACED", "collocata nell'organigramma"),
            Map.entry("RECORDED_AS_EXISTING", "registrata come esistente"), Map.entry("RENAMED", "rinominata"),
            Map.entry("SUCCEEDED_BY", "ha per successore"), Map.entry("SUCCEEDS", "succede a"),
            Map.entry("ACTIVE", "attiva"), Map.entry("SCHEDULED", "programmata"), Map.entry("CLOSED", "chiusa"),
            Map.entry("PARENT_NOT_ACTIVE", "struttura superiore non attiva"),
            // decisions linked to an act, and the sittings its consultations name
            Map.entry("LINK_COMPOSITION", "composizione di un organo"), Map.entry("LINK_RATIFICATION", "ratifica di una designazione"),
            Map.entry("LINK_OPINION", "parere espresso in seduta"), Map.entry("RESOLVED", "collegato a questo atto"),
            Map.entry("AMBIGUOUS", "corrisponde a più atti"), Map.entry("UNRESOLVED", "nessun atto registrato corrisponde"),
            Map.entry("NO_NUMBER", "atto citato senza numero"), Map.entry("NOT_LINKED", "seduta non indicata"),
            Map.entry("SESSION_NOT_FOUND", "seduta non trovata"), Map.entry("DATE_DIFFERS", "la data non coincide con la seduta"),
            Map.entry("BODY_DIFFERS", "l'organo non coincide con quello della seduta"), Map.entry("ITEM_NOT_FOUND", "punto non presente all'ordine del giorno"));

    public String word(Object code) {
        if (code == null) {
            return "";
        }
        String w = WORDS.get(code.toString());
        return w != null ? w : it.registro.app.web.Italiano.WORDS.getOrDefault(code.toString(), code.toString());
    }

    public String number(long n) {
        return it.registro.app.web.Italiano.number(n);
    }

    public String time(java.time.LocalTime t) {
        return t == null ? "—" : it.registro.app.web.Italiano.time(t);
    }

    /** A text that carries a status code inside it (the verbale's designation lines): the code in Italian. */
    public String text(String s) {
        return s == null ? "" : s.replace("PENDING_RATIFICATION", word("PENDING_RATIFICATION")).replace("RATIFIED", word("RATIFIED"));
    }

    public String date(LocalDate day) {
        return day == null ? "—" : day.format(DATE);
    }

    /** An instant as a local time in Italy, where the documents' times are. */
    public String instant(Instant at) {
        return at == null ? "—" : at.atZone(BusinessTime.ZONE).format(DATE_TIME);
    }

    public String tally(Tally t) {
        if (t == null || t.total() == 0) {
            return "";
        }
        return "favorevoli " + n(t.inFavour()) + ", contrari " + n(t.against()) + ", astenuti " + n(t.abstained());
    }

    private static String n(Integer i) {
        return i == null ? "—" : i.toString();
    }
}
