package it.registro.domain.act;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;

/**
 * An act's number in the one spelling its identity uses: no spaces, capitals, no leading zeros ("0279"
 * and " 279" are 279; "XI / 06278" is XI/6278). "279/2022" is read as number 279 of 2022; any other
 * slash form but the regional legislature's ("XI/6278") is refused, since a number that carries its year
 * would otherwise make a second act ("279-2022-2022") beside the first.
 */
public final class ActNumbers {

    /** A number and the year it carried, if any. */
    public record Parsed(String number, Integer year) {
    }

    private static final Pattern WITH_YEAR = Pattern.compile("(\\d+)/((?:19|20)\\d{2})");
    private static final Pattern LEGISLATURE = Pattern.compile("([IVXL]{1,4})/(\\d+)");
    private static final Pattern PLAIN = Pattern.compile("\\d+[A-Z]*(?:-[A-Z0-9]+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private ActNumbers() {
    }

    /** The number in its one spelling, or null for none; refuses what cannot be read as a number. */
    public static Parsed parse(String number) {
        if (number == null || number.isBlank()) {
            return new Parsed(null, null);
        }
        String n = number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        Matcher withYear = WITH_YEAR.matcher(n);
        if (withYear.matches()) {
            return new Parsed(stripZeros(withYear.group(1)), Integer.valueOf(withYear.group(2)));
        }
        Matcher legislature = LEGISLATURE.matcher(n);
        if (legislature.matches()) {
            return new Parsed(legislature.group(1) + "/" + stripZeros(legislature.group(2)), null);
        }
        if (PLAIN.matcher(n).matches()) {
            return new Parsed(stripZeros(n), null);
        }
        throw new CommandRejectedException(Rejection.invalid("ACT_NUMBER_MALFORMED", "number",
                "'" + number.strip() + "' is not an act number: give the number (e.g. 279, 279BIS, XI/6278) and the year apart, "
                        + "or as number/year (279/2022)"));
    }

    /** The number and year of an act, a year written in the number agreeing with the one given. */
    public static Parsed parse(String number, Integer year) {
        Parsed parsed = parse(number);
        if (parsed.year() != null && year != null && !parsed.year().equals(year)) {
            throw new CommandRejectedException(Rejection.invalid("YEAR_DATE_MISMATCH", "number",
                    "The number says " + parsed.year() + ", the act is of " + year));
        }
        return new Parsed(parsed.number(), parsed.year() != null ? parsed.year() : year);
    }

    /** The spelling to compare numbers with, never refusing: what a search or a citation may hold. */
    public static String comparable(String number) {
        if (number == null) {
            return null;
        }
        try {
            return parse(number).number();
        } catch (CommandRejectedException e) {
            return number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        }
    }

    private static String stripZeros(String s) {
        Matcher m = DIGITS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceFirst("^0+(?=\\d)", "");
            m.appendReplacement(out, digits);
        }
        m.appendTail(out);
        return out.toString();
    }
}
