package it.registro.app.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the RFC 9457 problem documents of the API. Every problem carries a stable {@code code}
 * (also the last segment of its {@code type} URI), a human {@code detail}, and, where one field is
 * to blame, {@code field}; validation problems list every offending field in {@code errors}.
 */
public final class Problems {

    /** The prefix of every problem type; the types are documented in docs/api.md. */
    public static final String TYPE_PREFIX = "urn:registro:problem:";

    private Problems() {
    }

    public record FieldError(String field, String message) {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    public static ProblemDetail validation(HttpStatusCode status, String code, String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(status, code, "Invalid request", detail,
                errors.isEmpty() ? null : errors.get(0).field());
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * Writes a problem directly on a servlet response, for refusals decided before Spring MVC
     * (filters, authentication): the same fields as the advice writes.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String code, String title,
                             String detail, String instance) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-') + "\","
                + "\"title\":\"" + jsonEscape(title) + "\",\"status\":" + status + ","
                + "\"detail\":\"" + jsonEscape(detail) + "\","
                + "\"instance\":\"" + jsonEscape(instance) + "\","
                + "\"code\":\"" + code + "\"}");
    }

    static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
