package it.registro.app.security;

import java.io.IOException;
import java.net.InetAddress;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import it.registro.app.web.Problems;

/** Authenticates a row of a running import (see {@link ImportTokens}); anything else carrying the header is refused. */
public class ImportTokenFilter extends OncePerRequestFilter {

    private final ImportTokens tokens;

    public ImportTokenFilter(ImportTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(ImportTokens.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var who = loopback(request) ? tokens.authentication(request.getHeader(ImportTokens.HEADER)) : java.util.Optional.<org.springframework.security.core.Authentication>empty();
        if (who.isEmpty() || request.getRequestURI().startsWith("/api/import") || request.getRequestURI().startsWith("/api/admin")) {
            Problems.write(response, 401, "UNAUTHENTICATED", "Authentication required", "This import credential is not valid here",
                    request.getRequestURI());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who.get());
        SecurityContextHolder.setContext(context);
        request.setAttribute(ImportTokens.ATTRIBUTE, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean loopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
