package it.registro.app.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import it.registro.app.body.Bodies;
import it.registro.app.body.BodyResource;
import it.registro.app.security.AccountBodies;
import it.registro.app.security.Caller;
import it.registro.app.security.Role;
import it.registro.app.session.Desk;
import it.registro.app.session.SessionCommands;
import it.registro.app.session.SessionRequests;
import it.registro.app.session.Sessions;
import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.app.web.FormBinding;
import it.registro.app.web.Italiano;
import it.registro.projections.session.SessionView;

/**
 * The secretariat's desk: every recording of a sitting, from convocation to publication, as plain HTML forms that
 * work without JavaScript. Each form is read into the API's own request record and becomes the same command
 * ({@link SessionCommands}); a refusal comes back beside the field it names, in Italian, with what was typed.
 */
@Controller
public class DeskPages {

    private final Sessions sessions;
    private final Desk desk;
    private final Bodies bodies;
    private final FormBinding forms;
    private final AccountBodies accounts;
    private final it.registro.app.document.Documents documents;

    public DeskPages(Sessions sessions, Desk desk, Bodies bodies, FormBinding forms, AccountBodies accounts,
                     it.registro.app.document.Documents documents) {
        this.documents = documents;
        this.sessions = sessions;
        this.desk = desk;
        this.bodies = bodies;
        this.forms = forms;
        this.accounts = accounts;
    }

    @GetMapping("/web/desk")
    public String index(Model model) {
        return index(model, null, Map.of(), Map.of());
    }

    private String index(Model model, String error, Map<String, String> errors, Map<String, String> values) {
        Caller caller = accounts.current();
        List<BodyResource> mine = new ArrayList<>(bodies.list(null, null).stream()
                .filter(b -> caller.has(Role.ADMIN) || caller.bodies().contains(b.id())).toList());
        mine.sort(Comparator.comparing(BodyResource::name));
        Map<String, List<SessionView>> sittings = new LinkedHashMap<>();
        for (BodyResource b : mine) {
            List<SessionView> list = new ArrayList<>(sessions.byBody(b.id(), null, null));
            list.sort(Comparator.comparing(SessionView::getDate, Comparator.nullsLast(Comparator.reverseOrder())));
            sittings.put(b.id(), list);
        }
        model.addAttribute("bodies", mine);
        model.addAttribute("sittings", sittings);
        model.addAttribute("problem", error);
        model.addAttribute("failed", error == null ? null : "convene");
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return WebPages.page(model, "desk", "Scrivania della segreteria", BusinessTimes.todayIfAbsent(null));
    }

    @PostMapping("/web/desk/sessions")
    public String convene(HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            SessionRequests.Convene r = forms.bind(request.getParameterMap(), SessionRequests.Convene.class);
            var command = SessionCommands.convene(r);
            sessions.awaitProjected(command.sessionId(), sessions.send(command.sessionId(), command, null));
            return "redirect:/web/desk/sessions/" + command.sessionId() + "?fatto=convocata";
        } catch (FormBinding.FormException e) {
            response.setStatus(400);

            return index(model, "Controlli i campi segnalati.", e.errors(), values(request));
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return index(model, Italiano.problem(e.code(), e.getMessage()), e.field() == null ? Map.of() : Map.of(e.field(),
                    Italiano.problem(e.code(), e.getMessage())), values(request));
        }
    }

    @GetMapping("/web/desk/sessions/{id}")
    public String session(@PathVariable String id, Model model, HttpServletRequest request) {
        return sitting(id, model, null, null, Map.of(), Map.of(), request.getParameter("fatto"));
    }

    /** A document (the signed act, slides) uploaded from the desk to the sitting or one of its items, kept with its SHA-256. */
    @PostMapping(path = "/web/desk/sessions/{id}/documents", consumes = "multipart/form-data")
    public String upload(@PathVariable String id, @org.springframework.web.bind.annotation.RequestParam("file")
                         org.springframework.web.multipart.MultipartFile file, HttpServletRequest request, HttpServletResponse response,
                         Model model) throws java.io.IOException {
        String item = request.getParameter("itemNo");
        try {
            Integer itemNo = item == null || item.isBlank() ? null : Integer.valueOf(item.strip());
            var uploaded = documents.attachToSession(id, itemNo, request.getParameter("title"), file.getOriginalFilename(),
                    file.getContentType(), file.getBytes());
            sessions.awaitProjected(id, new Sessions.Sent(uploaded.id(), uploaded.version()));
            return "redirect:/web/desk/sessions/" + id + "?fatto=documents#documents";
        } catch (NumberFormatException e) {
            response.setStatus(400);
            model.addAttribute("problemCode", "VALIDATION_FAILED");
            return sitting(id, model, "documents", "Controlli i campi segnalati.", Map.of("itemNo", "un numero intero"), values(request), null);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            String message = Italiano.problem(e.code(), e.getMessage());
            model.addAttribute("problemCode", e.code());
            return sitting(id, model, "documents", message, Map.of("file", message), values(request), null);
        }
    }

    /** The address of a form that was refused, asked for again (a reload): the sitting's desk. */
    @GetMapping({"/web/desk/sessions/{id}/{action}", "/web/desk/sessions/{id}/minutes/{minutesAction}"})
    public String back(@PathVariable String id) {
        return "redirect:/web/desk/sessions/" + id;
    }

    @PostMapping({"/web/desk/sessions/{id}/{action}", "/web/desk/sessions/{id}/minutes/{minutesAction}"})
    public String record(@PathVariable String id, @PathVariable(required = false) String action,
                         @PathVariable(required = false) String minutesAction, HttpServletRequest request, HttpServletResponse response,
                         Model model) {
        String name = minutesAction != null ? "minutes/" + minutesAction : action;
        try {
            if (name.equals("minutes/publish")) {
                SessionRequests.Publish r = forms.bind(request.getParameterMap(), SessionRequests.Publish.class);
                sessions.awaitProjected(id, sessions.publish(id, r.on(), r.url(), r.extractOnly()));
            } else {
                SessionCommands.Action<?> a = SessionCommands.ACTIONS.get(name);
                if (a == null) {
                    throw new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "NOT_FOUND", null, "No such action");
                }
                Object r = forms.bind(votesAsList(request.getParameterMap()), a.request());
                sessions.awaitProjected(id, sessions.send(id, a.commandFor(id, r), request.getParameter("lateEntryReason")));
            }
            return "redirect:/web/desk/sessions/" + id + "?fatto=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "#" + anchor(name);
        } catch (FormBinding.FormException e) {
            response.setStatus(400);
            model.addAttribute("problemCode", "VALIDATION_FAILED");
            return sitting(id, model, name, "Controlli i campi segnalati.", e.errors(), values(request), null);
        } catch (ApiException e) {
            if (e.status().value() == 404 && "SESSION_NOT_FOUND".equals(e.code())) {
                throw e;
            }
            response.setStatus(e.status().value());
            String message = Italiano.problem(e.code(), e.getMessage());
            model.addAttribute("problemCode", e.code());
            return sitting(id, model, name, message, e.field() == null ? Map.of() : Map.of(e.field(), message), values(request), null);
        }
    }

    private String sitting(String id, Model model, String action, String problem, Map<String, String> errors, Map<String, String> values,
                           String done) {
        Desk.View view = desk.view(id);
        model.addAttribute("d", view);
        model.addAttribute("failed", action);
        model.addAttribute("problem", problem);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("done", done == null ? null : doneWords(done));
        model.addAttribute("minutes", view.minutes());
        model.addAttribute("crumb", java.util.Map.of("href", "/web/desk", "label", "Scrivania"));
        return WebPages.page(model, "desk-session", "Scrivania — seduta", view.session().getDate());
    }

    /** Named choices come as one field per voter ("vote.<person>" = FOR/AGAINST/ABSTAIN): the request's list of votes. */
    static Map<String, String[]> votesAsList(Map<String, String[]> form) {
        Map<String, String[]> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String[]> e : form.entrySet()) {
            if (e.getKey().startsWith("vote.")) {
                String choice = e.getValue().length == 0 ? "" : e.getValue()[0];
                if (!choice.isBlank()) {
                    out.put("votes[" + i + "].personId", new String[]{e.getKey().substring(5)});
                    out.put("votes[" + i + "].choice", new String[]{choice});
                    i++;
                }
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static Map<String, String> values(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!k.equals("_csrf") && v.length > 0) {
                values.put(k, v[0]);
            }
        });
        return values;
    }

    private static String anchor(String action) {
        return action.replace('/', '-');
    }

    private static String doneWords(String action) {
        return switch (action) {
            case "convocata" -> "Seduta convocata.";
            case "open" -> "Seduta aperta.";
            case "close" -> "Seduta chiusa.";
            case "minutes/sign" -> "Verbale firmato.";
            case "minutes/publish" -> "Verbale pubblicato: il PDF/A è conservato con la sua impronta.";
            default -> "Registrato.";
        };
    }
}
