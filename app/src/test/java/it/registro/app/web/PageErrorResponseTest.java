package it.registro.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** A failure outside the handlers (e.g. while a page renders) is an Italian page for pages, problem+json for the API. */
class PageErrorResponseTest {

    private static ResponseEntity<Object> failure(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return new ProblemErrorController().error(request);
    }

    @Test
    @DisplayName("a page's 500 is an HTML page that explains, without a stack trace")
    void pageFailureIsAPage() {
        ResponseEntity<Object> r = failure("/web/units/chart");
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat((String) r.getBody()).contains("Errore del servizio", "Riprovi più tardi").doesNotContain("Exception");
    }

    @Test
    @DisplayName("the API's 500 stays problem+json")
    void apiFailureIsAProblem() {
        ResponseEntity<Object> r = failure("/api/bodies");
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getBody()).isNotInstanceOf(String.class);
    }
}
