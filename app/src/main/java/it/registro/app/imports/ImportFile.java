package it.registro.app.imports;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

import it.registro.app.document.DocumentStore;
import it.registro.app.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch to import: rows, each a request the API accepts ({@code path} and JSON {@code body}), in order. JSON: an array of
 * rows or {@code {"rows": [...]}}. CSV: a header with a {@code path} column and one column per body field (a dotted name
 * nests, {@code agency.kind}; a name ending in {@code []} is a list separated by {@code ;}); empty cells are left out.
 * The file is known by its SHA-256, each row by the SHA-256 of its path and body in canonical form.
 */
public record ImportFile(String sha256, List<Row> rows) {

    public record Row(int number, String path, ObjectNode body, String sha256) {
    }

    static final JsonMapper JSON = JsonMapper.builder().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();
    private static final int MAX_ROWS = 100_000;

    public static ImportFile parse(byte[] content, String mediaType) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<Row> rows = mediaType != null && mediaType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv") ? csv(text) : json(text);
        if (rows.size() > MAX_ROWS) {
            throw malformed("rows", "At most " + MAX_ROWS + " rows per file; split it");
        }
        return new ImportFile(DocumentStore.sha256(content), rows);
    }

    private static List<Row> json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (RuntimeException e) {
            throw malformed("file", "The file is not JSON: " + firstLine(e.getMessage()));
        }
        JsonNode rows = root != null && root.isObject() ? root.get("rows") : root;
        if (rows == null || !rows.isArray()) {
            throw malformed("rows", "A JSON import is an array of rows, or an object with 'rows'");
        }
        List<Row> out = new ArrayList<>();
        int n = 0;
        for (JsonNode row : rows) {
            n++;
            if (!row.isObject() || !row.path("path").isString() || !(row.get("body") == null || row.get("body").isObject())) {
                throw malformed("rows[" + (n - 1) + "]", "Row " + n + ": a row is an object with 'path' (text) and 'body' (an object)");
            }
            if (row.get("method") != null && !"POST".equals(row.get("method").asString())) {
                throw malformed("rows[" + (n - 1) + "].method", "Row " + n + ": only POST requests are imported");
            }
            ObjectNode body = row.get("body") == null ? JSON.createObjectNode() : (ObjectNode) row.get("body");
            out.add(row(n, row.get("path").asString(), body));
        }
        return out;
    }

    private static List<Row> csv(String text) {
        List<Row> out = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(new StringReader(text))) {
            if (!parser.getHeaderNames().contains("path")) {
                throw malformed("path", "A CSV import has a 'path' column");
            }
            int n = 0;
            for (CSVRecord record : parser) {
                n++;
                ObjectNode body = JSON.createObjectNode();
                for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
                    if (!cell.getKey().equals("path") && cell.getValue() != null && !cell.getValue().isEmpty()) {
                        put(body, cell.getKey(), cell.getValue());
                    }
                }
                out.add(row(n, record.get("path"), body));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed("file", "The file is not CSV with a header: " + firstLine(e.getMessage()));
        }
        return out;
    }

    private static void put(ObjectNode body, String name, String value) {
        String[] path = name.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.has(path[i]) && node.get(path[i]).isObject() ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
        }
        String leaf = path[path.length - 1];
        if (leaf.endsWith("[]")) {
            ArrayNode list = node.putArray(leaf.substring(0, leaf.length() - 2));
            for (String item : value.split(";")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        } else {
            node.put(leaf, value);
        }
    }

    private static Row row(int n, String path, ObjectNode body) {
        ObjectNode canonical = JSON.createObjectNode();
        canonical.put("path", path);
        canonical.set("body", body);
        return new Row(n, path, body, DocumentStore.sha256(JSON.writeValueAsString(sorted(canonical)).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same content with the keys of every object in order, so that a row's hash ignores how its fields are ordered. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.propertyNames().forEach(names::add);
            names.sort(String::compareTo);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); ) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return node;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static ApiException malformed(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_FILE_MALFORMED", field, message);
    }
}
