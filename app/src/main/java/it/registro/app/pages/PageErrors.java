package it.registro.app.pages;

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
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html(status, title, message).getBytes(StandardCharsets.UTF_8));
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
