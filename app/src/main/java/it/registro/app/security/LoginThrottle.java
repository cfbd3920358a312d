package it.registro.app.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in through the form, before any password is checked, for an account or address that failed too often. */
final class LoginThrottle extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final SecurityLog securityLog;

    LoginThrottle(LoginAttempts attempts, SecurityLog securityLog) {
        this.attempts = attempts;
        this.securityLog = securityLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/web/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        if (attempts.blocked(user, request.getRemoteAddr())) {
            securityLog.denied(user == null || user.isBlank() ? "anonymous" : user, "LOGIN", "/web/login", "too many failed sign-ins");
            response.setHeader("Retry-After", String.valueOf(LoginAttempts.WINDOW.toSeconds()));
            response.sendRedirect("/web/login?bloccato" + LocalTarget.query(request.getParameter("next")));
            return;
        }
        chain.doFilter(request, response);
    }
}
