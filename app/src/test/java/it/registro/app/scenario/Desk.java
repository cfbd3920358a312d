package it.registro.app.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A secretariat recording a sitting at the desk: by the desk's HTML forms sent as a browser without JavaScript
 * sends them ({@link DeskClient}), or by a real browser filling the visible forms ({@link BrowserDesk}).
 */
interface Desk {

    /**
     * What the desk answered: the status, where it sent the browser, the page, and the refusal's code. A status of 0
     * means the page offered no way to make the request at all (no such form, no such choice in a list).
     */
    record Answer(int status, String location, String page, String code) {

        static Answer prevented(String why) {
            return new Answer(0, null, why, null);
        }

        boolean isPrevented() {
            return status == 0;
        }
    }

    /** Sends a recording, given as the JSON body the API would take, to the desk's form at {@code path}. */
    Answer record(String path, String jsonBody);

    /** A recording's JSON body as the desk's field names: {@code tally.inFavour}, {@code presenters[0].personId}. */
    static Map<String, String> fields(String jsonBody) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", new ObjectMapper().readTree(jsonBody), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.isString() ? node.asString() : node.toString());
        }
    }
}
