package it.registro.app.pages;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import it.registro.app.act.Acts;
import it.registro.app.albo.Albo;
import it.registro.app.audit.AuditHistory;
import it.registro.app.audit.ledger.Ledger;
import it.registro.app.audit.ledger.LedgerVerifier;
import it.registro.app.body.Bodies;
import it.registro.app.body.BodyResource;
import it.registro.app.poas.Units;
import it.registro.app.security.Caller;
import it.registro.app.session.Minutes;
import it.registro.app.session.Sessions;
import it.registro.app.web.ApiException;
import it.registro.app.web.BusinessTimes;
import it.registro.projections.body.BodyView;
import it.registro.projections.session.SessionView;

/**
 * Read-only pages for mayors and auditors, in Italian. Every page asks the API's own controllers,
 * so what a page shows and whom it refuses are exactly what the API answers: no rule is repeated
 * here. Dates travel in the links ({@code asOf}, {@code from}, {@code to}) so that a reader who
 * chose a date keeps it from page to page.
 */
@Controller
@Hidden
public class WebPages {

    private static final Labels LABELS = new Labels();

    private final Bodies bodies;
    private final Sessions sessions;
    private final Acts acts;
    private final Units units;
    private final AuditHistory audit;
    private final LedgerVerifier verifier;
    private final Ledger ledger;
    private final Albo albo;
    private final it.registro.app.poas.Poas poas;
    private final it.registro.app.proceeding.Proceedings proceedings;
    private final it.registro.app.act.ActLinks actLinks;
    private final it.registro.app.office.Offices offices;
    private final it.registro.app.territory.TerritoryService territory;

    public WebPages(Bodies bodies, Sessions sessions, Acts acts, Units units, AuditHistory audit, LedgerVerifier verifier, Ledger ledger,
                    Albo albo, it.registro.app.poas.Poas poas, it.registro.app.proceeding.Proceedings proceedings,
                    it.registro.app.act.ActLinks actLinks, it.registro.app.office.Offices offices,
                    it.registro.app.territory.TerritoryService territory) {
        this.territory = territory;
        this.actLinks = actLinks;
        this.offices = offices;
        this.poas = poas;
        this.proceedings = proceedings;
        this.bodies = bodies;
        this.sessions = sessions;
        this.acts = acts;
        this.units = units;
        this.audit = audit;
        this.verifier = verifier;
        this.ledger = ledger;
        this.albo = albo;
    }

    @GetMapping("/")
    public String root() {
        return "redirect:/web";
    }

    @GetMapping({"/web", "/web/"})
    public String home(Model model) {
        model.addAttribute("agencies", Caller.anonymousRequest() ? List.of()
                : new TreeSet<>(bodies.list(null, null).stream().map(b -> b.agency().name()).toList()));
        return page(model, "home", "Registro", BusinessTimes.todayIfAbsent(null));
    }

    /** The sign-in form; someone already signed in goes on to the page they came from. */
    @GetMapping("/web/login")
    public String login(@RequestParam(required = false) String next, @RequestParam(required = false) String errore,
                        @RequestParam(required = false) String bloccato, @RequestParam(required = false) String uscita,
                        Model model) {
        if (!Caller.anonymousRequest()) {
            return "redirect:" + it.registro.app.security.LocalTarget.of(next);
        }
        model.addAttribute("next", it.registro.app.security.LocalTarget.local(next) ? next : null);
        model.addAttribute("message", bloccato != null ? "Troppi tentativi non riusciti: riprovi tra qualche minuto."
                : errore != null ? "Nome utente o password non corretti." : null);
        model.addAttribute("info", uscita != null ? "È uscito dal Registro." : null);
        return page(model, "login", "Accedi", BusinessTimes.todayIfAbsent(null));
    }

    @GetMapping("/web/accessibilita")
    public String accessibility(Model model) {
        return page(model, "accessibilita", "Dichiarazione di accessibilità", BusinessTimes.todayIfAbsent(null));
    }

    @GetMapping("/web/note-legali")
    public String legalNotes(Model model) {
        return page(model, "note-legali", "Note legali", BusinessTimes.todayIfAbsent(null));
    }

    /** The albo: published minutes and adopted acts, for anyone, filtered by body, year, type and subject words. */
    @GetMapping("/web/albo")
    public String albo(@RequestParam(required = false) String body, @RequestParam(required = false) String year,
                       @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String page, Model model) {
        Integer y = number(year, "year");
        Integer p = number(page, "page");
        Albo.Page found = albo.find(blank(body), y, blank(type), blank(q), p, 20);
        model.addAttribute("found", found);
        model.addAttribute("filter", java.util.Map.of("body", body == null ? "" : body, "year", year == null ? "" : year,
                "type", type == null ? "" : type, "q", q == null ? "" : q));
        return page(model, "albo", "Albo", BusinessTimes.todayIfAbsent(null));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A whole number from a form field; a malformed one is a 400 page naming the field. */
    private static Integer number(String raw, String parameter) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new it.registro.app.web.ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", parameter,
                    "«" + raw + "» non è un numero");
        }
    }

    /** An agency's POAS in force on a date, its approval chain in order, its versions, and the plans past the 60-day norm. */
    @GetMapping("/web/poas")
    public String poas(@RequestParam(required = false) String agency, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        String a = blank(agency);
        model.addAttribute("agency", a);
        var current = a == null ? java.util.Optional.<it.registro.projections.poas.PoasProjection.CurrentPoas>empty() : poas.current(a, day);
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("chain", current.flatMap(c -> poas.chain(c.poas().getId())).orElse(null));
        model.addAttribute("deadlines", a == null ? List.of() : poas.deadlines(a, day));
        return page(model, "poas", "POAS", day);
    }

    /** An agency's mandates on a day: who holds each office and seat, what is expiring or expired, the delegations in force. */
    @GetMapping("/web/mandates")
    public String mandates(@RequestParam(required = false) String agency, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        String a = agency == null || agency.isBlank() ? null : agency.strip();
        model.addAttribute("agency", a);
        model.addAttribute("mandates", a == null ? List.of() : offices.mandates(a, null, day, 90));
        return page(model, "mandates", "Incarichi", day);
    }

    /** An agency's open proceedings by due date on a day, the overdue ones marked, and the overdue grouped by unit. */
    @GetMapping("/web/proceedings")
    public String proceedings(@RequestParam(required = false) String agency, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        String a = blank(agency);
        model.addAttribute("agency", a);
        model.addAttribute("open", a == null ? List.of() : proceedings.open(a, day));
        model.addAttribute("overdue", a == null ? null : proceedings.overdue(a, day));
        return page(model, "proceedings", "Procedimenti", day);
    }

    @GetMapping("/web/bodies")
    public String bodyList(@RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        List<BodyResource> list = new ArrayList<>(bodies.list(null, null));
        list.sort(Comparator.comparing((BodyResource b) -> b.agency().name()).thenComparing(BodyResource::name));
        model.addAttribute("bodies", list);
        return page(model, "bodies", "Organi", day);
    }

    @GetMapping("/web/bodies/{id}")
    public String body(@PathVariable String id, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        model.addAttribute("body", bodies.resource(id));
        model.addAttribute("composition", bodies.composition(id, day));
        // the governance on that day (at its end) and over time: officers, delegations, rule sets
        java.time.Instant endOfDay = day.plusDays(1).atStartOfDay(it.registro.domain.common.BusinessTime.ZONE).toInstant().minusSeconds(1);
        BodyView view = bodies.get(id);
        model.addAttribute("view", view);
        model.addAttribute("officers", bodies.officers(id, endOfDay));
        model.addAttribute("delegations", bodies.delegations(id, endOfDay));
        model.addAttribute("ruleSet", bodies.ruleSet(id, day).orElse(null));
        if (view.territoryOn(day).isPresent()) {
            territory.check(id, day).ifPresent(c -> model.addAttribute("territoryCheck", c));
        }
        return page(model, "body", "Composizione", day);
    }

    @GetMapping("/web/bodies/{id}/sessions")
    public String bodySessions(@PathVariable String id, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        model.addAttribute("body", bodies.resource(id));
        List<SessionView> list = new ArrayList<>(sessions.byBody(id, null, null));
        list.sort(Comparator.comparing(SessionView::getDate, Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("sessions", list);
        return page(model, "sessions", "Sedute", day);
    }

    @GetMapping("/web/sessions/{id}")
    public String session(@PathVariable String id, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        // the minutes first: they refuse an anonymous reader unless published
        Minutes minutes = sessions.minutes(id);
        model.addAttribute("minutes", minutes);
        model.addAttribute("designations", sessions.record(id).session().getDesignations());
        return page(model, "session", "Verbale", day);
    }

    @GetMapping("/web/acts")
    public String actList(@RequestParam(required = false) String issuer, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        String by = issuer == null || issuer.isBlank() ? null : issuer.strip();
        model.addAttribute("issuer", by);
        model.addAttribute("acts", acts.list(by, null, null));
        return page(model, "acts", "Atti", day);
    }

    @GetMapping("/web/acts/{id}")
    public String act(@PathVariable String id, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        model.addAttribute("record", acts.get(id, day));
        if (!it.registro.app.security.Caller.anonymousRequest()) {
            model.addAttribute("links", actLinks.of(id));
        }
        return page(model, "act", "Atto", day);
    }

    @GetMapping("/web/units/chart")
    public String chart(@RequestParam(required = false) String agency, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        String name = required(agency, "agency", "l'azienda (ASST o ATS)");
        model.addAttribute("agency", name);
        model.addAttribute("chart", units.chart(name, day));
        return page(model, "chart", "Organigramma", day);
    }

    @GetMapping("/web/units/diff")
    public String diff(@RequestParam(required = false) String agency, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, Model model) {
        String name = required(agency, "agency", "l'azienda (ASST o ATS)");
        LocalDate start = date(required(from, "from", "la data iniziale"), "from");
        LocalDate end = date(required(to, "to", "la data finale"), "to");
        model.addAttribute("agency", name);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("diff", units.diff(name, start, end));
        return page(model, "diff", "Variazioni dell'organigramma", end);
    }

    @GetMapping("/web/audit/verification")
    public String verification(Model model) {
        model.addAttribute("report", verifier.last().orElse(null));
        model.addAttribute("checkpoint", ledger.latest().orElse(null));
        model.addAttribute("ledgerSize", ledger.size());
        return page(model, "verification", "Verifica del registro", BusinessTimes.todayIfAbsent(null));
    }

    @GetMapping("/web/audit/{id}")
    public String trail(@PathVariable String id, @RequestParam(required = false) String asOf, Model model) {
        LocalDate day = date(asOf, "asOf");
        model.addAttribute("history", audit.history(id, null));
        model.addAttribute("unitTrail", id.startsWith("unit-") ? units.trail(id) : null);
        model.addAttribute("id", id);
        return page(model, "trail", "Storia di " + id, day);
    }

    /** The pages' stylesheet and the script that shows "Caricamento…" while the next page loads. */
    @GetMapping("/web/assets/{name:pages\\.css|pages\\.js}")
    public ResponseEntity<byte[]> asset(@PathVariable String name) throws IOException {
        try (InputStream in = new ClassPathResource("web-assets/" + name).getInputStream()) {
            MediaType type = name.endsWith(".css") ? new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8)
                    : new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);
            return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                    .body(in.readAllBytes());
        }
    }

    /** Bootstrap Italia's stylesheet and the Titillium Web fonts, bundled in the jar with their licences (no CDN). */
    @GetMapping({"/web/assets/bootstrap-italia/{name:bootstrap-italia\\.min\\.css}",
            "/web/assets/bootstrap-italia/fonts/{name:titillium-web-v10-latin-ext_latin-(?:300|regular|600|700)\\.woff2}"})
    public ResponseEntity<byte[]> bootstrapItalia(@PathVariable String name) throws IOException {
        boolean css = name.endsWith(".css");
        try (InputStream in = new ClassPathResource("web-assets/bootstrap-italia/" + (css ? "" : "fonts/") + name).getInputStream()) {
            MediaType type = css ? new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8) : MediaType.parseMediaType("font/woff2");
            return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7))).body(in.readAllBytes());
        }
    }

    /** Any other address under /web: a page that says so, not the API's problem+json. */
    @GetMapping("/web/**")
    public String unknown(HttpServletRequest request) {
        throw new PageException(HttpStatus.NOT_FOUND, "Pagina non trovata",
                "L'indirizzo " + request.getRequestURI() + " non corrisponde a nessuna pagina del registro.");
    }

    // ------------------------------------------------------------------ errors

    // ------------------------------------------------------------------ helpers

    static String page(Model model, String view, String title, LocalDate asOf) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = Caller.anonymousRequest();
        boolean auditor = !anonymous && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_AUDITOR") || a.getAuthority().equals("ROLE_ADMIN"));
        model.addAttribute("title", title);
        model.addAttribute("asOf", asOf);
        model.addAttribute("user", anonymous ? null : auth.getName());
        model.addAttribute("auditor", auditor);
        model.addAttribute("recorder", !anonymous && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_SECRETARIAT") || a.getAuthority().equals("ROLE_ADMIN")));
        model.addAttribute("l", LABELS);
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            model.addAttribute("here", request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        }
        return "web/" + view;
    }

    /** A day as 2024-10-18; absent means today. A malformed one is a 400 page naming the parameter. */
    private static LocalDate date(String raw, String parameter) {
        if (raw == null || raw.isBlank()) {
            return BusinessTimes.todayIfAbsent(null);
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new PageException(HttpStatus.BAD_REQUEST, "Data non valida", "Il parametro «" + parameter + "» vale «"
                    + raw + "», che non è una data: scriva la data come AAAA-MM-GG, per esempio 2024-10-18.");
        }
    }

    private static String required(String raw, String parameter, String what) {
        if (raw == null || raw.isBlank()) {
            throw new PageException(HttpStatus.BAD_REQUEST, "Dato mancante", "Indichi " + what + " (parametro «" + parameter + "»).");
        }
        return raw.strip();
    }
}
