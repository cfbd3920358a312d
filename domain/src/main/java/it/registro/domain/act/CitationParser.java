package it.registro.domain.act;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.registro.domain.act.api.ActType;
import it.registro.domain.act.api.ParsedCitation;

/**
 * Reads what a citation says about the act it cites, as the documents write it: "DGR n. XI / 6278 del
 * 11.04.2022", "d.G.R. XI/6278/22", "d.G.R.) n. XI/6278 dell’11/04/2022", "Decreto n. 327 8/11/2018",
 * "DGR 6681 del 18 Luglio 2022", "DGR n.6681 del 18/07 2022", "(DGR 11 Aprile 2022)". Whatever it
 * cannot read stays null; nothing is guessed.
 */
public final class CitationParser {

    private static final List<String> MONTHS = List.of("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
            "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})\\s*[./-]\\s*(\\d{1,2})(?:\\s*[./-]\\s*|\\s+)(\\d{4})(?!\\d)");
    private static final Pattern WORD_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s+(" + String.join("|", MONTHS) + ")\\s+(\\d{4})(?!\\d)");
    private static final Pattern LEGISLATURE_NUMBER = Pattern.compile("\\b([ivxl]{1,4})\\s*/\\s*(\\d{1,6})(?:\\s*/\\s*(\\d{2}|\\d{4}))?(?!\\d)");
    private static final Pattern MARKED_NUMBER = Pattern.compile("\\bn\\s*[.°º]?\\s*(\\d{1,6})(?:\\s*/\\s*(\\d{4}))?(?!\\d)");
    private static final Pattern TYPED_NUMBER = Pattern.compile("\\b(?:dgr|decreto|deliberazione|determina)\\s+(\\d{1,6})(?!\\d|\\s*(?:" + String.join("|", MONTHS) + "))");

    private CitationParser() {
    }

    public static ParsedCitation parse(String text) {
        String t = text.toLowerCase(Locale.ITALIAN).replace('’', '\'').replace("d.g.r.", "dgr").replace("d.g.r", "dgr");
        ActType type = type(t);
        LocalDate date = null;
        Matcher d = NUMERIC_DATE.matcher(t);
        if (d.find()) {
            date = date(d.group(3), d.group(2), d.group(1));
            t = t.substring(0, d.start()) + " " + t.substring(d.end());
        } else {
            Matcher w = WORD_DATE.matcher(t);
            if (w.find()) {
                date = date(w.group(3), String.valueOf(MONTHS.indexOf(w.group(2)) + 1), w.group(1));
                t = t.substring(0, w.start()) + " " + t.substring(w.end());
            }
        }
        String number = null;
        Integer year = date == null ? null : date.getYear();
        Matcher l = LEGISLATURE_NUMBER.matcher(t);
        if (l.find()) {
            number = l.group(1).toUpperCase(Locale.ROOT) + "/" + l.group(2);
            if (year == null && l.group(3) != null) {
                year = l.group(3).length() == 2 ? 2000 + Integer.parseInt(l.group(3)) : Integer.parseInt(l.group(3));
            }
        } else {
            Matcher m = MARKED_NUMBER.matcher(t);
            if (m.find()) {
                number = m.group(1);
                if (year == null && m.group(2) != null) {
                    year = Integer.parseInt(m.group(2));
                }
            } else {
                Matcher tn = TYPED_NUMBER.matcher(t);
                if (tn.find()) {
                    number = tn.group(1);
                }
            }
        }
        return new ParsedCitation(type, number, year, date);
    }

    private static ActType type(String t) {
        int best = Integer.MAX_VALUE;
        ActType type = null;
        for (var e : List.of(java.util.Map.entry("dgr", ActType.DGR), java.util.Map.entry("decreto", ActType.DECRETO),
                java.util.Map.entry("deliberazione", ActType.DELIBERAZIONE), java.util.Map.entry("determina", ActType.DETERMINA))) {
            Matcher m = Pattern.compile("\\b" + e.getKey()).matcher(t);
            if (m.find() && m.start() < best) {
                best = m.start();
                type = e.getValue();
            }
        }
        return type;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
