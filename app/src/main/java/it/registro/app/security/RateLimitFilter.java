package it.registro.app.security;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import it.registro.app.web.Problems;

/**
 * A token bucket per principal on write requests: a steady rate per minute, with bursts up to that
 * many. Beyond it, 429 with Retry-After. Reads are not limited.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(SecurityProperties properties) {
        this.perMinute = properties.writesPerMinute();
    }

    /** Only write methods are limited. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String m = request.getMethod();
        // an import's rows are one operation, limited as the import request itself was
        return !(m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("DELETE"))
                || request.getAttribute(ImportTokens.ATTRIBUTE) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        String key = a == null ? "ip:" + request.getRemoteAddr() : "user:" + a.getName();
        if (!buckets.computeIfAbsent(key, k -> new Bucket(perMinute)).take(System.nanoTime())) {
            response.setHeader("Retry-After", "60");
            Problems.write(response, 429, "RATE_LIMITED", "Too many requests",
                    "More than " + perMinute + " writes a minute; try again shortly", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Refills continuously at capacity per minute. */
    static final class Bucket {
        private final int capacity;
        private double tokens;
        private long last;

        Bucket(int capacity) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized boolean take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * capacity / 60e9);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
