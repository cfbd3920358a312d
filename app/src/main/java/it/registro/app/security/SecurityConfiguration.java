package it.registro.app.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.axonframework.commandhandling.CommandBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import it.registro.app.web.PageErrors;
import it.registro.app.web.Problems;

/**
 * Who may call what over HTTP. Reads need an authenticated reader (mayor, auditor, secretariat,
 * admin); writes need a secretariat or an admin, and are then decided per command and body by
 * {@link CommandAuthorization}. Anonymous callers read only published minutes and adopted acts (the albo's share),
 * the health status and the API description. Bearer tokens (JWT) carry {@code roles} and
 * {@code bodies} claims; HTTP Basic accounts come from the configuration, bcrypt-hashed.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String[] READERS = {"MAYOR", "AUDITOR", "SECRETARIAT", "ADMIN"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, RateLimitFilter rateLimit,
                            SecurityLog securityLog, ImportTokens importTokens) throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: every request carries its credentials
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults()) // no CorsConfigurationSource: cross-origin requests get no CORS headers
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers("/error").permitAll()
                        // published minutes are public; the controller refuses anonymous reads of unpublished ones
                        .requestMatchers(HttpMethod.GET, "/api/sessions/*/minutes", "/api/sessions/*/minutes.html",
                                "/api/sessions/*/minutes.pdf", "/api/documents/*").permitAll()
                        // the albo: published minutes, adopted acts, convened sittings, for anyone and for re-users
                        .requestMatchers(HttpMethod.GET, "/api/albo", "/api/albo/**", "/api/bodies/*/sittings.ics").permitAll()
                        // adopted acts are public too; the controller refuses anonymous reads of the others
                        .requestMatchers(HttpMethod.GET, "/api/acts/*", "/api/acts/*/sheet.pdf").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/security/**").hasAnyRole("AUDITOR", "ADMIN")
                        // the audit trail names every principal: auditors and administrators only
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/audit/verification").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/audit/recomputation").hasAnyRole("AUDITOR", "ADMIN")
                        // operations on the service itself (rebuild): administrators; its status also auditors
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole("SECRETARIAT", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"registro\"");
                    Problems.write(response, 401, "UNAUTHENTICATED", "Authentication required",
                            "Sign in (HTTP Basic or a bearer token) to use this resource", request.getRequestURI());
                }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"registro\"");
                            Problems.write(response, 401, "UNAUTHENTICATED", "Authentication required",
                                    "Sign in (HTTP Basic or a bearer token) to use this resource", request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
                            securityLog.denied(who, request.getMethod(), request.getRequestURI(), "role not allowed");
                            Problems.write(response, 403, "FORBIDDEN", "Forbidden",
                                    "Your role does not allow this", request.getRequestURI());
                        }))
                .addFilterAfter(rateLimit, org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                // the rows of a running import, sent over the loopback interface as the importing user (ImportTokens)
                .addFilterBefore(new ImportTokenFilter(importTokens),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        if (jwtConfigured(properties)) {
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.decoder(jwtDecoder(properties)).jwtAuthenticationConverter(new ClaimsConverter()))
                    .authenticationEntryPoint((request, response, e) -> Problems.write(response, 401, "UNAUTHENTICATED",
                            "Authentication required", "The bearer token is missing, invalid or expired", request.getRequestURI())));
        }
        return http.build();
    }

    /**
     * The web pages: the same roles as the API's reads. People sign in with the Italian form at /web/login (a
     * session cookie, CSRF tokens on every form, logout, a 30-minute idle timeout, failed sign-ins throttled and
     * logged); tools may still send HTTP Basic or a bearer token. A refusal is an Italian HTML page that offers the
     * form (no Basic challenge, so no browser dialog). Anonymous visitors reach the home page, the albo, a published
     * verbale and an adopted act; those pages read through the same services, which refuse the rest to them.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain pages(HttpSecurity http, SecurityProperties properties, SecurityLog securityLog, LoginAttempts attempts)
            throws Exception {
        http.securityMatcher("/", "/web", "/web/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'; "
                                        + "frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/", "/web", "/web/", "/web/assets/**", "/web/login").permitAll()
                        .requestMatchers(HttpMethod.POST, "/web/login", "/web/logout").permitAll()
                        .requestMatchers(HttpMethod.GET, "/web/sessions/*", "/web/acts/*", "/web/albo", "/web/accessibilita", "/web/note-legali").permitAll()
                        .requestMatchers(HttpMethod.GET, "/web/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        // the secretariat's desk: who records; each command is then authorised per body
                        .requestMatchers("/web/desk", "/web/desk/**").hasAnyRole("SECRETARIAT", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/web/**").hasAnyRole(READERS)
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/web/login").loginProcessingUrl("/web/login")
                        .successHandler((request, response, authentication) -> {
                            attempts.succeeded(authentication.getName());
                            response.sendRedirect(LocalTarget.of(request.getParameter("next")));
                        })
                        .failureHandler((request, response, e) -> {
                            String user = request.getParameter("username");
                            attempts.failed(user, request.getRemoteAddr());
                            securityLog.denied(user == null || user.isBlank() ? "anonymous" : user, "LOGIN", "/web/login",
                                    "wrong account or password");
                            response.sendRedirect("/web/login?errore" + LocalTarget.query(request.getParameter("next")));
                        }))
                .logout(l -> l.logoutUrl("/web/logout").deleteCookies("JSESSIONID")
                        .logoutSuccessHandler((request, response, authentication) -> response.sendRedirect("/web/login?uscita")))
                .addFilterBefore(new LoginThrottle(attempts, securityLog),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> pageUnauthenticated(request, response)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> pageUnauthenticated(request, response))
                        .accessDeniedHandler((request, response, ex) -> {
                            String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
                            securityLog.denied(who, request.getMethod(), request.getRequestURI(), "role not allowed");
                            PageErrors.write(response, 403, "Accesso negato",
                                    "Il suo profilo non consente questa operazione. Le pagine di audit sono riservate a revisori e amministratori.");
                        }));
        if (jwtConfigured(properties)) {
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.decoder(jwtDecoder(properties)).jwtAuthenticationConverter(new ClaimsConverter()))
                    .authenticationEntryPoint((request, response, e) -> pageUnauthenticated(request, response)));
        }
        return http.build();
    }

    private static void pageUnauthenticated(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        PageErrors.write(response, 401, "Accesso richiesto",
                "Questa pagina è riservata agli utenti registrati: acceda con il suo account. "
                        + "Senza accesso sono consultabili solo i verbali pubblicati e gli atti adottati.",
                LocalTarget.loginFor(here));
    }

    private static boolean jwtConfigured(SecurityProperties p) {
        return p.jwtPublicKey() != null && !p.jwtPublicKey().isBlank() || p.jwtIssuerUri() != null && !p.jwtIssuerUri().isBlank();
    }

    static JwtDecoder jwtDecoder(SecurityProperties p) {
        if (p.jwtIssuerUri() != null && !p.jwtIssuerUri().isBlank()) {
            return JwtDecoders.fromIssuerLocation(p.jwtIssuerUri());
        }
        try {
            String pem = p.jwtPublicKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return NimbusJwtDecoder.withPublicKey(key).build();
        } catch (Exception e) {
            throw new IllegalStateException("registro.security.jwt-public-key is not an RSA public key in PEM", e);
        }
    }

    /** Roles from the {@code roles} claim (as ROLE_x); SYSTEM is never accepted from outside. */
    static final class ClaimsConverter implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            for (String role : Caller.claimList(jwt, Caller.ROLES)) {
                if (!role.equals(Role.SYSTEM.name())) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
                }
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }

    /** The rate limit runs inside the security chain (after authentication), not as a servlet filter of its own. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RateLimitFilter> rateLimitNotAServletFilter(RateLimitFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** bcrypt, with successful checks remembered for five minutes (see VerifiedPasswords). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(new BCryptPasswordEncoder(), java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC());
    }

    @Bean
    UserDetailsService accounts(SecurityProperties properties) {
        List<org.springframework.security.core.userdetails.UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User u : properties.users()) {
            if (u.passwordHash() == null || !u.passwordHash().startsWith("$2")) {
                throw new IllegalStateException("Account '" + u.username() + "' needs a bcrypt password hash");
            }
            users.add(User.withUsername(u.username()).password(u.passwordHash())
                    .roles(u.roles().stream().filter(r -> !r.equals(Role.SYSTEM.name())).toArray(String[]::new)).build());
        }
        if (!users.isEmpty()) {
            log.info("HTTP Basic accounts: {} (demo accounts are for the embedded default only)",
                    properties.users().stream().map(SecurityProperties.User::username).toList());
        }
        // Exposed as a plain UserDetailsService: an InMemoryUserDetailsManager would also be used to
        // "upgrade" every hash to the encoder's strength at each login, rewriting configured hashes in memory.
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }

    /** Command authorisation sits on the bus itself, so every path to a handler goes through it. */
    @Bean
    InitializingBean commandBusAuthorization(CommandBus commandBus, CommandAuthorization authorization) {
        return () -> {
            commandBus.registerDispatchInterceptor(authorization);
            commandBus.registerHandlerInterceptor(authorization);
        };
    }
}
