package it.registro.app.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What text the register accepts: Unicode scalar values (no lone surrogate, which has no UTF-8 form and
 * which the store used to replace, leaving an event whose hash never verified again) and no control
 * character but tab, line feed and carriage return (NUL, escapes, bells have no place in a public record).
 * Every string of every request body is read through {@link Deserializer}, so text that breaks the rule is
 * refused at the door with {@code TEXT_NOT_ALLOWED} and the field named, before any command is sent.
 */
public final class RegisterText {

    private RegisterText() {
    }

    /** Why {@code text} cannot be registered, or null when it can. */
    public static String violation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "holds a lone surrogate (U+" + hex(c) + " at " + i + "), which is not Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "holds a lone surrogate (U+" + hex(c) + " at " + i + "), which is not Unicode text";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return "holds the control character U+" + hex(c) + " at " + i + "; only tab, line feed and carriage return are allowed";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    /** A string read from a request that breaks the rule; the path of the field travels with it. */
    public static final class RefusedText extends MismatchedInputException {

        RefusedText(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    /** Jackson's own string reading (with its strict coercions), then the rule. */
    public static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String text = super.deserialize(p, ctxt);
            String violation = text == null ? null : violation(text);
            if (violation != null) {
                throw new RefusedText(p, violation);
            }
            return text;
        }
    }
}
