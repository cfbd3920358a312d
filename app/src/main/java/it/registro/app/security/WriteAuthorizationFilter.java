package it.registro.app.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import it.registro.app.web.Problems;

/**
 * Decides whether the caller may write where a request writes, before anything reads it further: before
 * its body is validated and before any lookup that would tell whether the session, act or body it names
 * exists. A secretariat writing to another body's session gets 403 whatever it sends, and so does one
 * writing to a session that does not exist (it is not one of its own). The rules are those of
 * {@link CommandAuthorization}, which still checks every command on the command bus (the second line:
 * nothing reaches an aggregate around it); this filter only answers earlier, from the path and, for
 * the two requests that name their body inside (convening a session, registering an act), from the
 * body's {@code bodyId} / {@code issuerBodyId} read once and handed on unchanged.
 */
@Component
public class WriteAuthorizationFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PathPatternParser PATTERNS = new PathPatternParser();

    private enum Rule { ADMIN, ADMIN_OR_ANY_SECRETARIAT, SESSION, BODY_OPERATION, ACT, CONVENE, REGISTER_ACT }

    private record Route(PathPattern pattern, Rule rule) {
    }

    private static Route route(String pattern, Rule rule) {
        return new Route(PATTERNS.parse(pattern), rule);
    }

    /** First match wins. Paths not listed are left to the command side. */
    private static final java.util.List<Route> ROUTES = java.util.List.of(
            route("/api/sessions", Rule.CONVENE),
            route("/api/sessions/{id}/**", Rule.SESSION),
            route("/api/bodies/{id}/officers/**", Rule.BODY_OPERATION),
            route("/api/bodies/{id}/interim-presiding-officer", Rule.BODY_OPERATION),
            route("/api/bodies/{id}/delegations/**", Rule.BODY_OPERATION),
            route("/api/bodies/**", Rule.ADMIN),
            route("/api/acts", Rule.REGISTER_ACT),
            route("/api/acts/{id}/**", Rule.ACT),
            route("/api/poas/**", Rule.ADMIN),
            route("/api/units/**", Rule.ADMIN),
            route("/api/citations/**", Rule.ADMIN),
            route("/api/proceeding-types/**", Rule.ADMIN),
            route("/api/proceedings/**", Rule.ADMIN_OR_ANY_SECRETARIAT),
            route("/api/persons/**", Rule.ADMIN_OR_ANY_SECRETARIAT),
            route("/api/comuni/**", Rule.ADMIN_OR_ANY_SECRETARIAT));

    private final AccountBodies accountBodies;
    private final CommandAuthorization commands;
    private final SecurityLog securityLog;

    public WriteAuthorizationFilter(AccountBodies accountBodies, CommandAuthorization commands, SecurityLog securityLog) {
        this.accountBodies = accountBodies;
        this.commands = commands;
        this.securityLog = securityLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response); // the security chain answers 401
            return;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (Route route : ROUTES) {
            PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(path);
            if (match == null) {
                continue;
            }
            Caller caller = Caller.of(authentication, accountBodies.all());
            HttpServletRequest forward = request;
            String named = null;
            if (route.rule() == Rule.CONVENE || route.rule() == Rule.REGISTER_ACT) {
                Buffered buffered;
                try {
                    buffered = new Buffered(request);
                } catch (it.registro.app.web.PayloadTooLargeException e) {
                    response.setHeader("Connection", "close");
                    Problems.write(response, 413, "PAYLOAD_TOO_LARGE", "Request too large",
                            "The request body is larger than " + e.limit() + " bytes", request.getRequestURI());
                    return;
                }
                forward = buffered;
                named = buffered.field(route.rule() == Rule.CONVENE ? "bodyId" : "issuerBodyId");
            }
            Decision decision = decide(caller, route.rule(), match.getUriVariables(), named);
            if (decision.refusal() != null) {
                securityLog.denied(caller.principal(), request.getMethod() + " " + request.getRequestURI(),
                        decision.body() != null ? "body:" + decision.body() : request.getRequestURI(), decision.refusal());
                Problems.write(response, 403, "FORBIDDEN", "Forbidden", decision.refusal(), request.getRequestURI());
                return;
            }
            chain.doFilter(forward, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A refusal (null: allowed) and the body the request concerns, where known, for the security log. */
    private record Decision(String refusal, String body) {
    }

    private Decision decide(Caller caller, Rule rule, Map<String, String> variables, String named) {
        boolean admin = caller.has(Role.ADMIN);
        return switch (rule) {
            case ADMIN -> new Decision(admin ? null : "Only an administrator may do this", null);
            case ADMIN_OR_ANY_SECRETARIAT -> new Decision(admin || caller.has(Role.SECRETARIAT) ? null
                    : "Only an administrator or a secretariat may do this", null);
            case BODY_OPERATION -> new Decision(admin || CommandAuthorization.secretariatOf(caller, variables.get("id")) ? null
                    : "Only an administrator or the secretariat of body '" + variables.get("id") + "' may do this", variables.get("id"));
            case SESSION -> {
                // a session not stored is no session of the caller's bodies: the same answer, so nothing is revealed
                String body = caller.has(Role.SECRETARIAT) || admin ? commands.bodyOfSession(variables.get("id")) : null;
                yield new Decision(CommandAuthorization.secretariatOf(caller, body) ? null
                        : "Only the secretariat of the session's body records it", body);
            }
            case ACT -> {
                if (admin) {
                    yield new Decision(null, null);
                }
                String issuer = commands.issuerOf(variables.get("id"));
                yield new Decision(CommandAuthorization.secretariatOf(caller, issuer) ? null
                        : "Only an administrator or the secretariat of the issuing body records the act", issuer);
            }
            case CONVENE -> new Decision(caller.has(Role.SECRETARIAT) && (named == null || caller.bodies().contains(named)) ? null
                    : "Only the secretariat of the body records its sessions", named);
            case REGISTER_ACT -> new Decision(admin || caller.has(Role.SECRETARIAT) && (named == null || caller.bodies().contains(named))
                    ? null : "Only an administrator or the secretariat of the issuing body records its acts", named);
        };
    }

    /**
     * The request with its body read once (within the size limit the filter before this one enforces),
     * so one field can be looked at here and the whole handed on unchanged. A body that is not JSON names
     * no body: validation then refuses it, which reveals nothing.
     */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        String field(String name) {
            try {
                JsonNode node = JSON.readTree(body);
                JsonNode value = node == null ? null : node.get(name);
                return value != null && value.isString() ? value.asString() : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
