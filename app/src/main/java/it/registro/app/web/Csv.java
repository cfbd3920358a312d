package it.registro.app.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** RFC 4180 CSV for exports, with ',' or, for Italian spreadsheets, ';' between cells. */
public final class Csv {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Csv() {
    }

    public static String of(List<List<Object>> rows) {
        return of(rows, ',');
    }

    public static String of(List<List<Object>> rows, char separator) {
        StringBuilder b = new StringBuilder();
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(separator);
                }
                b.append(cell(row.get(i), separator));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    /** A CSV download named {@code filename}. */
    public static ResponseEntity<String> response(String filename, List<List<Object>> rows, char separator) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + filename + "\"").contentType(TEXT_CSV)
                .body(of(rows, separator));
    }

    static String cell(Object v, char separator) {
        String s = v == null ? "" : v.toString();
        // a leading = + - @ would run as a formula in a spreadsheet: neutralised, unless the cell is a number
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        if (s.indexOf(separator) >= 0 || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
