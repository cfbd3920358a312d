package it.registro.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page written by the security filters, which run before any view can be rendered: a
 * plain Italian HTML page that says what went wrong and where to go next. Only fixed texts are
 * written, so nothing needs escaping.
 */
public final class PageErrors {

    private PageErrors() {
    }

    public static void write(HttpServletResponse response, int status, String title, String message) throws IOException {
        write(response, status, title, message, null);
    }

    /** The same page, with a link to the sign-in form ({@code login}, a local address built by the caller). */
    public static void write(HttpServletResponse response, int status, String title, String message, String login) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String html = html(status, title, message);
        if (login != null) {
            html = html.replace("<p>Errore ", "<p><a id=\"login-link\" href=\"" + login.replace("&", "&amp;").replace("\"", "%22")
                    + "\">Accedi</a></p><p>Errore ");
        }
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a request is for a page (so its errors are pages too). */
    public static boolean isPage(String uri) {
        return uri != null && (uri.equals("/") || uri.equals("/web") || uri.startsWith("/web/"));
    }

    public static String html(int status, String title, String message) {
        return "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " — Registro</title><link rel=\"stylesheet\" href=\"/web/assets/pages.css\"></head>"
                + "<body><header class=\"top\"><a href=\"/web\">Registro</a></header><main>"
                + "<h1>" + title + "</h1><p class=\"error\" id=\"error-message\">" + message + "</p>"
                + "<p>Errore " + status + ". <a href=\"/web\">Torna alla pagina iniziale</a>.</p></main></body></html>";
    }
}
