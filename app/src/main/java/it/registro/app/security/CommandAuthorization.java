package it.registro.app.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import it.registro.app.web.ForbiddenException;
import it.registro.domain.act.api.RecordIncomingReference;
import it.registro.domain.body.api.AdoptRuleSet;
import it.registro.domain.body.api.DefineSeat;
import it.registro.domain.body.api.DelegateSeat;
import it.registro.domain.body.api.DesignateInterimPresidingOfficer;
import it.registro.domain.body.api.ElectOfficer;
import it.registro.domain.body.api.RecordBodyAlias;
import it.registro.domain.body.api.RecordComposition;
import it.registro.domain.body.api.RegisterBody;
import it.registro.domain.body.api.RenameBody;
import it.registro.domain.body.api.RevokeDelegation;
import it.registro.domain.body.api.SeatMember;
import it.registro.domain.body.api.UnseatMember;
import it.registro.domain.body.api.VacateOffice;
import it.registro.domain.session.api.ConveneSession;
import it.registro.domain.session.api.SessionConvened;

/**
 * Authorisation on the command side, where no path can go around it. At dispatch, the caller (from
 * the request's authentication) is written into the command's metadata, replacing anything there;
 * before the handler runs, the command is allowed or refused for that caller and the body it
 * concerns. Refusals are recorded in the security log and store nothing.
 * <ul>
 * <li>The body registry and its structure (register, rename, names, composition, seats, rule sets): ADMIN.</li>
 * <li>A body's officers, interim presidency and delegations: ADMIN, or the SECRETARIAT of that body.</li>
 * <li>Sessions: the SECRETARIAT of the session's body, only.</li>
 * <li>Persons and comuni: ADMIN or any SECRETARIAT.</li>
 * <li>Acts: ADMIN, or the SECRETARIAT of the issuing body.</li>
 * <li>POAS: ADMIN.</li>
 * <li>Territory (ambiti, districts, their comuni and ASSTs): ADMIN.</li>
 * <li>Organ kinds, mandates and delegations of powers: ADMIN.</li>
 * <li>Proceedings: the catalogue of types (and its unit reassignments), ADMIN; proceedings themselves
 * (requests, access requests, suspensions, conclusions, inertia), ADMIN or any SECRETARIAT.</li>
 * <li>SYSTEM (the service's own processes): applying elections to officers, references to their target acts and an approving
 * vote to the minutes it approves, only.</li>
 * </ul>
 */
@Component
public class CommandAuthorization implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Set<Class<?>> BODY_STRUCTURE = Set.of(RegisterBody.class, RenameBody.class,
            RecordBodyAlias.class, it.registro.domain.body.api.RecordBodySuccessor.class, RecordComposition.class, DefineSeat.class, SeatMember.class, UnseatMember.class,
            AdoptRuleSet.class, it.registro.domain.body.api.CorrectTerm.class, it.registro.domain.body.api.CorrectCompositionAct.class,
            it.registro.domain.body.api.CorrectSeatLabel.class, it.registro.domain.body.api.DefineBodyTerritory.class);
    private static final Set<Class<?>> BODY_OPERATIONS = Set.of(ElectOfficer.class, VacateOffice.class,
            DesignateInterimPresidingOfficer.class, DelegateSeat.class, RevokeDelegation.class);
    private static final String SESSION_PACKAGE = ConveneSession.class.getPackageName();
    private static final String ACT_PACKAGE = RecordIncomingReference.class.getPackageName();
    private static final String POAS_PACKAGE = "it.registro.domain.poas.api";
    private static final String TERRITORY_PACKAGE = "it.registro.domain.territory.api";
    private static final String OFFICE_PACKAGE = "it.registro.domain.office.api";
    private static final String PROCEEDING_PACKAGE = "it.registro.domain.proceeding.api";
    private static final Set<Class<?>> PROCEEDING_CATALOGUE = Set.of(it.registro.domain.proceeding.api.DefineProceedingType.class,
            it.registro.domain.proceeding.api.ReviseProceedingType.class, it.registro.domain.proceeding.api.ReassignProceedingTypeUnit.class);
    private static final Set<String> REGISTRY_PACKAGES = Set.of("it.registro.domain.person.api", "it.registro.domain.comune.api");

    private final AccountBodies accountBodies;
    private final EventStore eventStore;
    private final SecurityLog securityLog;
    private final it.registro.domain.act.api.ActFacts actFacts;
    /**
     * The body of each session seen lately. A session's body is fixed by its first event and never
     * changes, so the answer can be kept; without it every session command read the session's stream
     * twice (once to label the command, once to authorise it).
     */
    private final Map<String, String> sessionBodies = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 10_000;
                }
            });

    public CommandAuthorization(AccountBodies accountBodies, EventStore eventStore, SecurityLog securityLog,
                                it.registro.domain.act.api.ActFacts actFacts) {
        this.accountBodies = accountBodies;
        this.eventStore = eventStore;
        this.securityLog = securityLog;
        this.actFacts = actFacts;
    }

    // ------------------------------------------------------------------ dispatch: who is calling

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            // No request behind this dispatch: an internal process, which states itself who it is (see OfficerSync).
            return (i, m) -> m;
        }
        Caller caller = Caller.of(authentication, accountBodies.all());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(Caller.PRINCIPAL, caller.principal());
        metadata.put(Caller.ROLES, caller.roles().stream().map(Enum::name).toList());
        metadata.put(Caller.BODIES, List.copyOf(caller.bodies()));
        metadata.put("channel", "rest");
        metadata.putAll(importRow());
        return (i, m) -> m.andMetaData(metadata).andMetaData(subject(m.getPayload()));
    }

    /**
     * For a row of an import: the file (its SHA-256), the row's number and the row's own SHA-256, so that the audit trail
     * says where each imported fact came from and a second run of the file knows the row is already in. Trusted only on
     * a request authenticated by the import's own credential (ImportTokens), never from any other caller.
     */
    private static Map<String, Object> importRow() {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return Map.of();
        }
        jakarta.servlet.http.HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(ImportTokens.ATTRIBUTE) == null) {
            return Map.of();
        }
        Map<String, Object> out = new HashMap<>();
        out.put("channel", "import");
        for (String[] h : new String[][]{{"Registro-Import-File", "importFile"}, {"Registro-Import-Row", "importRow"},
                {"Registro-Import-Row-Hash", "importRowHash"}}) {
            String value = request.getHeader(h[0]);
            if (value != null && value.matches("[A-Za-z0-9._-]{1,100}")) {
                out.put(h[1], value);
            }
        }
        return out;
    }

    /**
     * What the command concerns, for the audit trail: the body (the session's for session commands)
     * and the act it cites. Derived here, once, from the payload and the stores, never taken from the
     * caller.
     */
    private Map<String, Object> subject(Object payload) {
        Map<String, Object> subject = new HashMap<>();
        String body = bodyOfQuietly(payload);
        if (body != null) {
            subject.put(BODY, body);
        }
        Object act = accessor(payload, "actId");
        if (act != null) {
            subject.put(ACT_REF, String.valueOf(act));
        }
        return subject;
    }

    /** The body or null: an unknown act or session is refused later, as not found, not here. */
    private String bodyOfQuietly(Object payload) {
        try {
            return bodyOf(payload);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Metadata keys of the subject, propagated from the command to its events. */
    public static final String BODY = "body";
    public static final String ACT_REF = "actRef";

    /** The metadata an internal process sends its commands with. */
    public static MetaData system(String process) {
        return MetaData.with(Caller.PRINCIPAL, "system:" + process).and(Caller.ROLES, List.of(Role.SYSTEM.name()))
                .and("channel", "internal");
    }

    /**
     * Decides, for the caller of the current request, whether they may send this command, before any work it
     * needs (storing an uploaded document's bytes); the handler decides again when the command arrives.
     */
    public void authorize(Object payload) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
                ? null : Caller.of(authentication, accountBodies.all());
        String refusal = refusal(caller, payload);
        if (refusal != null) {
            securityLog.denied(caller == null ? "anonymous" : caller.principal(), payload.getClass().getSimpleName(), target(payload), refusal);
            throw new ForbiddenException(refusal);
        }
    }

    // ------------------------------------------------------------------ handling: may they?

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Caller caller = callerOf(command.getMetaData());
        Object payload = command.getPayload();
        String refusal = refusal(caller, payload);
        if (refusal != null) {
            String target = target(payload);
            securityLog.denied(caller == null ? "anonymous" : caller.principal(), payload.getClass().getSimpleName(),
                    target, refusal);
            throw new ForbiddenException(refusal);
        }
        return chain.proceed();
    }

    private static Caller callerOf(MetaData metadata) {
        Object principal = metadata.get(Caller.PRINCIPAL);
        if (principal == null) {
            return null;
        }
        Set<Role> roles = new TreeSet<>();
        for (Object r : list(metadata.get(Caller.ROLES))) {
            try {
                roles.add(Role.valueOf(String.valueOf(r)));
            } catch (IllegalArgumentException ignored) {
                // unknown roles grant nothing
            }
        }
        Set<String> bodies = new TreeSet<>();
        list(metadata.get(Caller.BODIES)).forEach(b -> bodies.add(String.valueOf(b)));
        return new Caller(String.valueOf(principal), roles, bodies);
    }

    private static Collection<?> list(Object value) {
        return value instanceof Collection<?> c ? c : List.of();
    }

    /** Why the caller may not send this command, or null when they may. */
    String refusal(Caller caller, Object payload) {
        if (caller == null) {
            return "No authenticated caller";
        }
        Class<?> type = payload.getClass();
        if (caller.has(Role.SYSTEM)) {
            return type == ElectOfficer.class || type == RecordIncomingReference.class
                    || type == it.registro.domain.body.api.CorrectOfficerElection.class
                    || type == it.registro.domain.session.api.ApproveMinutes.class ? null
                    : "The service's own processes may only apply elections, their corrections, references and minutes approvals";
        }
        if (type == it.registro.domain.session.api.ApproveMinutes.class) {
            return "Minutes are approved by a vote of a later sitting, which the service applies itself";
        }
        if (type == RecordIncomingReference.class) {
            return "Incoming references are recorded by the service itself";
        }
        if (type == it.registro.domain.body.api.CorrectOfficerElection.class) {
            return "An officer's election follows the correction of its session's record";
        }
        if (BODY_STRUCTURE.contains(type)) {
            return caller.has(Role.ADMIN) ? null : "Only an administrator maintains the body registry and its structure";
        }
        String body = bodyOf(payload);
        if (BODY_OPERATIONS.contains(type)) {
            return caller.has(Role.ADMIN) || secretariatOf(caller, body) ? null
                    : "Only an administrator or the secretariat of body '" + body + "' may do this";
        }
        if (type.getPackageName().equals(SESSION_PACKAGE)) {
            if (body == null) {
                return null; // no such session: the command will be refused as not found, and stores nothing
            }
            return secretariatOf(caller, body) ? null
                    : "Only the secretariat of body '" + body + "' records its sessions";
        }
        if (type.getPackageName().equals(ACT_PACKAGE)) {
            return caller.has(Role.ADMIN) || secretariatOf(caller, body) ? null
                    : "Only an administrator or the secretariat of the issuing body '" + body + "' records its acts";
        }
        if (type.getPackageName().equals(POAS_PACKAGE)) {
            return caller.has(Role.ADMIN) ? null : "Only an administrator records the POAS and its approval chain";
        }
        if (type.getPackageName().equals(OFFICE_PACKAGE)) {
            return caller.has(Role.ADMIN) ? null : "Only an administrator records organ kinds, mandates and delegations of powers";
        }
        if (type.getPackageName().equals(TERRITORY_PACKAGE)) {
            return caller.has(Role.ADMIN) ? null : "Only an administrator records the territory (ambiti, districts, their comuni)";
        }
        if (PROCEEDING_CATALOGUE.contains(type)) {
            return caller.has(Role.ADMIN) ? null : "Only an administrator maintains the catalogue of proceeding types";
        }
        if (type.getPackageName().equals(PROCEEDING_PACKAGE)) {
            return caller.has(Role.ADMIN) || caller.has(Role.SECRETARIAT) ? null
                    : "Only an administrator or a secretariat records proceedings";
        }
        if (REGISTRY_PACKAGES.contains(type.getPackageName())) {
            return caller.has(Role.ADMIN) || caller.has(Role.SECRETARIAT) ? null
                    : "Only an administrator or a secretariat registers persons and comuni";
        }
        return "No rule allows " + type.getSimpleName();
    }

    static boolean secretariatOf(Caller caller, String body) {
        return caller.has(Role.SECRETARIAT) && body != null && caller.bodies().contains(body);
    }

    private String target(Object payload) {
        String body = bodyOf(payload);
        return body != null ? "body:" + body : payload.getClass().getSimpleName();
    }

    /** The body a command concerns: named in it, or, for a session, the body that convened it. */
    String bodyOf(Object payload) {
        if (payload instanceof ConveneSession convene) {
            return convene.bodyId();
        }
        Object issuer = accessor(payload, "issuerBodyId");
        if (issuer != null) {
            return String.valueOf(issuer);
        }
        Object actId = accessor(payload, "actId");
        if (actId != null) {
            return issuerOf(String.valueOf(actId));
        }
        Object id = accessor(payload, "bodyId");
        if (id != null) {
            return String.valueOf(id);
        }
        Object sessionId = accessor(payload, "sessionId");
        if (sessionId != null) {
            return bodyOfSession(String.valueOf(sessionId));
        }
        return null;
    }

    /** The body that convened a session, from its first stored event; null for a session not stored. */
    public String bodyOfSession(String session) {
        String known = sessionBodies.get(session);
        if (known != null) {
            return known;
        }
        DomainEventStream events = eventStore.readEvents(session, 0L);
        if (events.hasNext()) {
            DomainEventMessage<?> first = events.next();
            if (first.getPayload() instanceof SessionConvened convened) {
                sessionBodies.put(session, convened.bodyId());
                return convened.bodyId();
            }
        }
        return null;
    }

    /** The body that issues an act; null for an act not registered. */
    public String issuerOf(String actId) {
        return actFacts.find(actId).map(it.registro.domain.act.api.ActFacts.ActFact::issuerBodyId).orElse(null);
    }

    private static Object accessor(Object payload, String name) {
        if (!payload.getClass().isRecord()) {
            return null;
        }
        for (var component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
