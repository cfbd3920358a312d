package it.registro.domain.proceeding.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.registro.domain.common.Text;
import it.registro.domain.proceeding.api.TermRule;

/**
 * Reads a term as the seed 003 table words it ("30 giorni", "3 gg lavorativi", "entro il 30/04
 * dell'anno successivo", "Semestrale", "ai sensi di legge") into a {@link TermRule}. It reads one term
 * only: a cell with several clauses or alternative terms ("1) 30 gg dalla richiesta; 2) 30 gg dai
 * pareri") is not guessed at but reported as unparsed, and the text is kept either way.
 */
public final class TermParser {

    /** What the parser made of a text: a rule, or why it has none. */
    public record Result(TermRule rule, String problem) {
        public boolean parsed() {
            return rule != null;
        }
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("gennaio", 1), Map.entry("febbraio", 2),
            Map.entry("marzo", 3), Map.entry("aprile", 4), Map.entry("maggio", 5), Map.entry("giugno", 6), Map.entry("luglio", 7),
            Map.entry("agosto", 8), Map.entry("settembre", 9), Map.entry("ottobre", 10), Map.entry("novembre", 11),
            Map.entry("dicembre", 12));
    private static final String MONTH_NAMES = String.join("|", MONTHS.keySet());

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*(gg|giorni|giorno|ore|mesi|mese)\\b");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\d+\\s*/\\s*\\d+\\s*(gg|giorni)");
    private static final Pattern WORKING = Pattern.compile("(\\d+)\\s*(gg|giorni)\\s+lavorativi\\s*(.*)");
    private static final Pattern HOURS = Pattern.compile("(\\d+)\\s*ore\\s*(.*)");
    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*(gg|giorni|giorno)\\b\\s*(.*)");
    private static final Pattern DATE_NUMERIC = Pattern.compile("entro (?:il )?(\\d{1,2})/(\\d{1,2})(?!/)(\\s+dell'anno (successivo|precedente))?");
    private static final Pattern DATE_NAMED = Pattern.compile("entro (?:il )?(\\d{1,2}) (" + MONTH_NAMES + ")(\\s+dell'anno (successivo|precedente))?");
    private static final Pattern MONTHLY_DAY = Pattern.compile("entro il (?:giorno )?(\\d{1,2}) di ogni mese");
    private static final Pattern QUARTER_DATES = Pattern.compile("trimestral\\w*\\W+(\\d{1,2})/\\d{1,2}\\s*-");
    /** Adjectives only: "stabilite annualmente" (row 119) says how often the law sets the term, not that it recurs. */
    private static final Pattern PERIOD_WORD = Pattern.compile("\\b(semestral|trimestral|mensil|annual)[ei]?\\b");
    private static final Pattern EVENT = Pattern.compile("^(prima d\\S*|entro la scadenza|alla data di)\\b.*");
    private static final Pattern EXTERNAL = Pattern.compile(".*\\b(legge|normativ\\w*|regione|regolamento|ente esterno|fissat\\w|"
            + "stabilit\\w|assegnat\\w|comunicat\\w|d\\.lgs|codice|tempi di attesa|subordinat\\w|regional\\w*|accordo|corte dei conti).*");

    private TermParser() {
    }

    public static Result parse(String text) {
        String t = Text.collapse(text) == null ? "" : Text.collapse(text).toLowerCase(Locale.ITALIAN);
        if (t.isEmpty() || t.equals("(blank)")) {
            return ok(TermRule.notSet());
        }
        if (t.contains(";") || t.contains(" - ") || t.matches(".*\\b1\\).*")) {
            return unparsed("several clauses, each with its own term");
        }
        if (ALTERNATIVE.matcher(t).find()) {
            return unparsed("alternative terms");
        }
        List<String> amounts = AMOUNT.matcher(t).results().map(java.util.regex.MatchResult::group).toList();
        if (amounts.size() > 1) {
            return unparsed("several terms: " + String.join(", ", amounts));
        }
        if (t.matches(".*\\b(non previsto|variabil\\w*)\\b.*")) {
            return ok(TermRule.notSet());
        }
        if (t.contains("immediat")) {
            return ok(TermRule.calendarDays(0, "immediato"));
        }
        if (t.contains("non inferiore a")) {
            // "Termine assegnato dall'azienda (non inferiore a 30 giorni)": set case by case, with a floor
            return ok(TermRule.externalLaw(text.strip()));
        }
        Matcher m = WORKING.matcher(t);
        if (m.find()) {
            return ok(TermRule.workingDays(Integer.parseInt(m.group(1)), trigger(m.group(3))));
        }
        m = HOURS.matcher(t);
        if (m.find()) {
            return ok(TermRule.hours(Integer.parseInt(m.group(1)), trigger(m.group(2))));
        }
        m = DAYS.matcher(t);
        if (m.find()) {
            return ok(TermRule.calendarDays(Integer.parseInt(m.group(1)), trigger(m.group(3))));
        }
        if (!amounts.isEmpty()) {
            return unparsed("a term in months is not read: " + amounts.get(0));
        }
        m = QUARTER_DATES.matcher(t);
        if (m.find()) {
            return ok(TermRule.periodic(3, Integer.parseInt(m.group(1))));
        }
        m = MONTHLY_DAY.matcher(t);
        if (m.find()) {
            return ok(TermRule.periodic(1, Integer.parseInt(m.group(1))));
        }
        List<String> periods = PERIOD_WORD.matcher(t).results().map(r -> r.group(1)).distinct().toList();
        Matcher numeric = DATE_NUMERIC.matcher(t);
        Matcher named = DATE_NAMED.matcher(t);
        boolean hasNumeric = numeric.find();
        boolean hasNamed = !hasNumeric && named.find();
        if ((hasNumeric || hasNamed) && !periods.isEmpty()) {
            return unparsed("a date and a period together");
        }
        if (hasNumeric) {
            return date(Integer.parseInt(numeric.group(2)), Integer.parseInt(numeric.group(1)), numeric.group(4));
        }
        if (hasNamed) {
            return date(MONTHS.get(named.group(2)), Integer.parseInt(named.group(1)), named.group(4));
        }
        if (t.contains("chiusura dell'anno")) {
            return ok(TermRule.calendarDate(12, 31, 0));
        }
        if (t.contains("entro l'ultimo giorno del")) {
            return unparsed("a deadline counted in months after the period is not read");
        }
        if (periods.size() > 1) {
            return unparsed("several periods: " + String.join(", ", periods));
        }
        if (periods.size() == 1) {
            return ok(TermRule.periodic(switch (periods.get(0)) {
                case "semestral" -> 6;
                case "trimestral" -> 3;
                case "mensil" -> 1;
                default -> 12;
            }, null));
        }
        if (t.startsWith("entro il mese")) {
            return ok(TermRule.periodic(1, null));
        }
        if (EVENT.matcher(t).matches()) {
            return ok(TermRule.eventRelative(0, text.strip()));
        }
        if (EXTERNAL.matcher(t).matches()) {
            return ok(TermRule.externalLaw(text.strip()));
        }
        return unparsed("no term recognised");
    }

    private static Result date(int month, int day, String year) {
        int offset = year == null ? 0 : year.equals("successivo") ? 1 : -1;
        try {
            java.time.MonthDay.of(month, day);
        } catch (java.time.DateTimeException e) {
            return unparsed("no such day: " + day + "/" + month);
        }
        return ok(TermRule.calendarDate(month, day, offset));
    }

    private static String trigger(String rest) {
        String r = rest == null ? "" : rest.strip();
        return r.isEmpty() ? null : r;
    }

    private static Result ok(TermRule rule) {
        return new Result(rule, null);
    }

    private static Result unparsed(String why) {
        return new Result(null, why);
    }
}
