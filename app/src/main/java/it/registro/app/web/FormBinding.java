package it.registro.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an HTML form into the same request record the API reads from JSON, and validates it the same way, so the
 * desk and the API accept and refuse exactly the same things. Field names follow the JSON: {@code tally.inFavour},
 * {@code presenters[0].personId}; blank fields are absent. A refusal names the field, in Italian.
 */
@Component
public class FormBinding {

    /** A form that could not be read: the field it names and why, in Italian. */
    public static final class FormException extends RuntimeException {
        private final Map<String, String> errors;

        public FormException(Map<String, String> errors) {
            super(errors.toString());
            this.errors = errors;
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    private static final Set<String> NOT_FIELDS = Set.of("_csrf", "lateEntryReason", "redirect");

    private final ObjectMapper mapper;
    private final Validator validator;

    public FormBinding(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <R> R bind(Map<String, String[]> form, Class<R> type) {
        Map<String, Object> tree = tree(form);
        R request;
        try {
            request = mapper.convertValue(tree, type);
        } catch (IllegalArgumentException | DatabindException e) {
            throw new FormException(Map.of(path(e), "valore non valido: " + expected(e)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<R> v : validator.validate(request)) {
            errors.putIfAbsent(v.getPropertyPath().toString().replaceAll("\\[\\d+]\\.<[^>]+>", ""), italian(v));
        }
        if (!errors.isEmpty()) {
            throw new FormException(errors);
        }
        return request;
    }

    /** The form's fields as the JSON tree they stand for. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Map<String, String[]> form) {
        Map<String, Object> root = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (NOT_FIELDS.contains(key) || values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
                return;
            }
            Object container = root;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                Integer index = null;
                int bracket = part.indexOf('[');
                if (bracket > 0 && part.endsWith("]")) {
                    index = Integer.valueOf(part.substring(bracket + 1, part.length() - 1));
                    part = part.substring(0, bracket);
                }
                Map<String, Object> map = (Map<String, Object>) container;
                boolean last = i == parts.length - 1;
                if (index == null) {
                    if (last) {
                        map.put(part, values[0].strip());
                    } else {
                        container = map.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
                    }
                } else {
                    List<Object> list = (List<Object>) map.computeIfAbsent(part, k -> new ArrayList<>());
                    while (list.size() <= index) {
                        list.add(new LinkedHashMap<String, Object>());
                    }
                    if (last) {
                        list.set(index, values[0].strip());
                    } else {
                        container = list.get(index);
                    }
                }
            }
        });
        // rows of a list left wholly blank are not entries
        root.replaceAll((k, v) -> v instanceof List<?> list ? new ArrayList<>(list.stream()
                .filter(e -> !(e instanceof Map<?, ?> m) || !m.isEmpty()).toList()) : v);
        return root;
    }

    private static String path(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
                StringBuilder b = new StringBuilder();
                d.getPath().forEach(r -> {
                    if (r.getPropertyName() != null) {
                        b.append(b.length() == 0 ? "" : ".").append(r.getPropertyName());
                    }
                });
                return b.toString();
            }
            t = t.getCause();
        }
        return "form";
    }

    private static String expected(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("LocalDateTime")) {
            return "una data e un'ora, come 18/10/2024 14:00";
        }
        if (m.contains("LocalDate")) {
            return "una data, come 18/10/2024";
        }
        if (m.contains("LocalTime")) {
            return "un'ora, come 14:00";
        }
        if (m.contains("int") || m.contains("Integer") || m.contains("Long")) {
            return "un numero intero";
        }
        if (m.contains("not one of the values accepted") || m.contains("Enum")) {
            return "una delle scelte proposte";
        }
        return "formato non riconosciuto";
    }

    private static String italian(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> "campo obbligatorio";
            case "Size" -> "lunghezza non ammessa (" + v.getConstraintDescriptor().getAttributes().get("min") + "–"
                    + v.getConstraintDescriptor().getAttributes().get("max") + ")";
            case "Min", "Max", "Positive", "PositiveOrZero" -> "valore fuori dall'intervallo ammesso";
            case "Pattern" -> "formato non valido";
            default -> "valore non valido";
        };
    }
}
