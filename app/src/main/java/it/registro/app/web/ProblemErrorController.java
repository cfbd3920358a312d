package it.registro.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
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
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String problemCode = switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case BAD_REQUEST -> "BAD_REQUEST";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
        // a web page's failure is told as a page; the API's stays problem+json
        if (it.registro.app.pages.PageErrors.isPage((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            return ResponseEntity.status(status).contentType(new org.springframework.http.MediaType("text", "html",
                    java.nio.charset.StandardCharsets.UTF_8)).body(it.registro.app.pages.PageErrors.html(status.value(),
                    status.is5xxServerError() ? "Errore del servizio" : "Richiesta non valida",
                    status.is5xxServerError() ? "La pagina non può essere mostrata per un errore del servizio, registrato per "
                            + "gli amministratori. Riprovi più tardi." : "La richiesta non può essere soddisfatta."));
        }
        return Problems.response(Problems.problem(status, problemCode, status.getReasonPhrase(),
                status.getReasonPhrase(), null));
    }
}
