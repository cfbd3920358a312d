package it.registro.app.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to a request it refuses before the application sees it (an encoded slash in a path,
 * a request line or headers over the limit, a body cut off): problem+json like every other error, in
 * place of Tomcat's HTML page, with the status that names the cause. Tomcat reports a request line or
 * header block over its buffer as a bare 400; the line is the URI when the URI could not be read (414),
 * the headers otherwise (431).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code;
        String title;
        String detail;
        if (status == 400 && tooLarge(throwable)) {
            boolean uriRead = request.getRequestURI() != null && !request.getRequestURI().isEmpty();
            status = uriRead ? 431 : 414;
            code = uriRead ? "HEADERS_TOO_LARGE" : "URI_TOO_LONG";
            title = uriRead ? "Request header fields too large" : "URI too long";
            detail = uriRead ? "The request's headers are larger than the server accepts" : "The request's address is longer than the server accepts";
        } else if (status == 400) {
            code = "BAD_REQUEST";
            title = "Bad request";
            detail = "The request is malformed (its address, its headers or its body) and was not read";
        } else if (status == 413) {
            code = "PAYLOAD_TOO_LARGE";
            title = "Request too large";
            detail = "The request body is larger than the server accepts";
        } else if (status >= 500) {
            code = "INTERNAL_ERROR";
            title = "Internal error";
            detail = "The request could not be completed; it has been logged";
        } else {
            code = "BAD_REQUEST";
            title = "Request refused";
            detail = "The request was refused before it was read";
        }
        try {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                String uri = request.getRequestURI() == null ? "" : request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"");
                writer.write("{\"type\":\"" + Problems.TYPE_PREFIX + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\""
                        + (uri.length() > 200 ? uri.substring(0, 200) : uri) + "\",\"code\":\"" + code + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more can be said to the client
        }
    }

    private static boolean tooLarge(Throwable t) {
        for (; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("too large")) {
                return true;
            }
        }
        return false;
    }
}
