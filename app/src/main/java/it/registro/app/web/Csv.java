package it.registro.app.web;

import java.util.List;

/** RFC 4180 CSV for exports. */
public final class Csv {

    private Csv() {
    }

    public static String of(List<List<Object>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(cell(row.get(i)));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    static String cell(Object v) {
        String s = v == null ? "" : v.toString();
        // a leading = + - @ would run as a formula in a spreadsheet: neutralised, unless the cell is a number
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
