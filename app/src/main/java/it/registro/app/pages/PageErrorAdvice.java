package it.registro.app.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;

/** The pages' refusals as Italian pages (the API answers problem+json instead). */
@ControllerAdvice(assignableTypes = {WebPages.class, DeskPages.class})
public class PageErrorAdvice {

    @ExceptionHandler(PageException.class)
    public String pageError(PageException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        return error(model, e.status().value(), e.title(), e.getMessage());
    }

    /** The API's refusals, told in Italian: the code decides the wording, the API's message is kept as a detail. */
    @ExceptionHandler(ApiException.class)
    public String apiError(ApiException e, HttpServletResponse response, Model model) {
        int status = e.status().value();
        response.setStatus(status);
        if (status == 401) {
            var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
            if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
                HttpServletRequest request = servlet.getRequest();
                String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                model.addAttribute("login", it.registro.app.security.LocalTarget.loginFor(here));
            }
            return error(model, status, "Accesso richiesto", "Questo contenuto non è pubblicato: acceda con il suo account per "
                    + "vederlo. Senza accesso sono consultabili solo i verbali pubblicati e gli atti adottati.");
        }
        String message = switch (e.code()) {
            case "BODY_NOT_FOUND" -> "Nessun organo è registrato con questo identificativo.";
            case "SESSION_NOT_FOUND" -> "Nessuna seduta è registrata con questo identificativo.";
            case "ACT_NOT_FOUND" -> "Nessun atto è registrato con questo identificativo.";
            case "UNIT_NOT_FOUND" -> "Nessuna struttura è registrata con questo identificativo.";
            case "AGGREGATE_NOT_FOUND" -> "Nel registro non c'è alcun evento per questo identificativo.";
            case "DATES_OUT_OF_ORDER" -> "La data finale precede quella iniziale: inverta le date.";
            default -> status == 404 ? "Il contenuto richiesto non esiste." : "La richiesta non può essere soddisfatta.";
        };
        return error(model, status, status == 404 ? "Non trovato" : "Richiesta non valida", message + " (" + e.code() + ")");
    }

    private String error(Model model, int status, String title, String message) {
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return WebPages.page(model, "error", title, BusinessTimes.todayIfAbsent(null));
    }

}
