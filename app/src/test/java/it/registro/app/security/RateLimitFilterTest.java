package it.registro.app.security;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter(new SecurityProperties(List.of(), null, null, 3));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private int post(String user) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "x", List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/persons");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void writesBeyondTheRateAreRefusedPerPrincipal() throws Exception {
        assertThat(List.of(post("a"), post("a"), post("a"))).containsOnly(200);
        assertThat(post("a")).isEqualTo(429);
        assertThat(post("b")).as("another principal has its own bucket").isEqualTo(200);
    }

    @Test
    void readsAreNotLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/api/bodies"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void theBucketRefillsOverTime() {
        RateLimitFilter.Bucket bucket = new RateLimitFilter.Bucket(60);
        long t = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            assertThat(bucket.take(t)).isTrue();
        }
        assertThat(bucket.take(t)).isFalse();
        assertThat(bucket.take(t + 1_000_000_000L)).as("one token a second at 60 a minute").isTrue();
    }
}
