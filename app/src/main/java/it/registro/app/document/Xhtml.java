package it.registro.app.document;

/**
 * The register's printable documents as well-formed XHTML (what {@link PdfA} renders): the page frame with its own
 * styles and the embedded font's family, and escaping of every value.
 */
public final class Xhtml {

    private static final String STYLE = "body{font-family:'DejaVu Sans',system-ui,sans-serif;font-size:11pt;max-width:48rem;margin:1rem auto;"
            + "padding:0 1rem;line-height:1.45;word-wrap:break-word}"
            + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}"
            + ".flag{background:#fff4e5;border-left:4px solid #f0a020;padding:.4rem .6rem;margin:.3rem 0}"
            + ".state{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;background:#eef}"
            + ".late{color:#7a4b00}.names{margin-left:1rem;font-size:.95em}"
            + "@page{size:A4;margin:2cm}";

    private Xhtml() {
    }

    /** The document's opening: doctype, language, title and styles, and the body's start. */
    public static StringBuilder open(String title) {
        return new StringBuilder(16384)
                .append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"it\" xml:lang=\"it\"><head>")
                .append("<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>").append(e(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    public static String close(StringBuilder h) {
        return h.append("</body></html>").toString();
    }

    public static String capital(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
