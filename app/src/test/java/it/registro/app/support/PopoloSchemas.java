package it.registro.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Popolo Project's published JSON Schemas (test resources {@code popolo/}, with their licence), used to validate
 * the register's Popolo exports object by object. The schemas are draft 03; they are read as draft 04 after turning
 * each property's {@code "required": true} into its object's {@code required} list, and their {@code $ref}s resolve to
 * the local copies (no network).
 */
public final class PopoloSchemas {

    private static final String BASE = "http://www.popoloproject.com/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> COLLECTIONS = Map.of("organizations", "organization", "persons", "person",
            "posts", "post", "memberships", "membership", "events", "event", "vote_events", "vote_event");
    private static final SchemaRegistry REGISTRY = registry();

    private PopoloSchemas() {
    }

    private static SchemaRegistry registry() {
        Map<String, String> schemas = new HashMap<>();
        for (String name : List.of("area", "contact_detail", "count", "event", "group_result", "identifier", "link", "membership",
                "motion", "organization", "other_name", "person", "post", "speech", "vote", "vote_event")) {
            try (InputStream in = PopoloSchemas.class.getResourceAsStream("/popolo/" + name + ".json")) {
                JsonNode schema = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                schemas.put(BASE + name + ".json", JSON.writeValueAsString(draft4((ObjectNode) schema)));
            } catch (IOException e) {
                throw new IllegalStateException("Popolo schema " + name, e);
            }
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b.schemas(schemas));
    }

    /** Draft 03's per-property {@code required: true} as draft 04's list, recursively; nothing else changes. */
    static ObjectNode draft4(ObjectNode schema) {
        schema.put("$schema", "http://json-schema.org/draft-04/schema#");
        convert(schema);
        return schema;
    }

    private static void convert(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.get("properties") instanceof ObjectNode properties) {
                List<String> required = new ArrayList<>();
                for (Map.Entry<String, JsonNode> p : properties.properties()) {
                    if (p.getValue() instanceof ObjectNode prop && prop.has("required") && prop.get("required").isBoolean()) {
                        if (prop.get("required").asBoolean()) {
                            required.add(p.getKey());
                        }
                        prop.remove("required");
                    }
                }
                if (!required.isEmpty()) {
                    ArrayNode list = o.putArray("required");
                    required.forEach(list::add);
                }
            }
            if (o.has("required") && o.get("required").isBoolean()) {
                o.remove("required");
            }
            o.properties().forEach(e -> convert(e.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(PopoloSchemas::convert);
        }
    }

    /** Every object of the export that its Popolo schema refuses, as "collection[index] (id): message". */
    public static List<String> violations(JsonNode export) {
        List<String> out = new ArrayList<>();
        COLLECTIONS.forEach((collection, schemaName) -> {
            JsonNode items = export.get(collection);
            if (items == null) {
                return;
            }
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + schemaName + ".json"));
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                for (com.networknt.schema.Error error : schema.validate(item)) {
                    out.add(collection + "[" + i + "] (" + (item.has("id") ? item.get("id").asString() : "?") + "): "
                            + error.getInstanceLocation() + " " + error.getMessage());
                }
            }
        });
        return out;
    }

    /** How many objects the export holds, for the record of what was checked. */
    public static int objects(JsonNode export) {
        int n = 0;
        for (String collection : COLLECTIONS.keySet()) {
            n += export.has(collection) ? export.get(collection).size() : 0;
        }
        return n;
    }
}
