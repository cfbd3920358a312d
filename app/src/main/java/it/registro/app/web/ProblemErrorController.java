package it.registro.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error page for failures that happen outside the MVC handlers
 * (container-level errors): same problem+json shape, no framework text, no stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    @io.swagger.v3.oas.annotations.Hidden
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded by the container: there is no error to tell, and no such resource
            return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not Found", "No resource at /error", null));
        }
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String problemCode = switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case URI_TOO_LONG -> "URI_TOO_LONG";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "HEADERS_TOO_LARGE";
            case BAD_REQUEST -> "BAD_REQUEST";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
        // a web page's failure is told as a page; the API's stays problem+json
        if (it.registro.app.web.PageErrors.isPage((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            return ResponseEntity.status(status).contentType(new org.springframework.http.MediaType("text", "html",
                    java.nio.charset.StandardCharsets.UTF_8)).body(it.registro.app.web.PageErrors.html(status.value(),
                    status.is5xxServerError() ? "Errore del servizio" : "Richiesta non valida",
                    status.is5xxServerError() ? "La pagina non può essere mostrata per un errore del servizio, registrato per "
                            + "gli amministratori. Riprovi più tardi." : "La richiesta non può essere soddisfatta."));
        }
        ProblemDetail problem = Problems.problem(status, problemCode, status.getReasonPhrase(), status.is5xxServerError()
                ? "The request could not be completed; it has been logged" : "The request was refused before it was read: " + status.getReasonPhrase(), null);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            try {
                problem.setInstance(java.net.URI.create(String.valueOf(uri)));
            } catch (IllegalArgumentException e) {
                // an address that is not a URI: the problem goes without it
            }
        }
        return Problems.response(problem);
    }
}
