package it.registro.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scenario's replay data and expectations, read from a YAML file under src/test/resources/scenarios.
 * Dates and times stay text (YAML would turn 2024-10-10 into a java.util.Date), exactly as the API takes them.
 */
public final class ScenarioFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Object> root;

    private ScenarioFile(Map<String, Object> root) {
        this.root = root;
    }

    public static ScenarioFile load(String name) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                new DumperOptions(), new TextTimestamps());
        try (InputStream in = ScenarioFile.class.getResourceAsStream("/scenarios/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No scenario file " + name);
            }
            return new ScenarioFile(yaml.load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> map(String key) {
        return map(root, key);
    }

    public List<Map<String, Object>> list(String key) {
        return list(root, key);
    }

    public Object value(String key) {
        return root.get(key);
    }

    public String text(String key) {
        return (String) root.get(key);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> from, String key) {
        return (Map<String, Object>) from.get(key);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> from, String key) {
        return (List<Map<String, Object>>) from.get(key);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** YAML's implicit types without timestamps, and with YAML 1.2 booleans. */
    private static final class TextTimestamps extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // YAML 1.2 booleans only: a key such as "on" (a date field) must stay text.
            addImplicitResolver(Tag.BOOL, java.util.regex.Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
