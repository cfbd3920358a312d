package it.registro.app.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description, with its two ways to authenticate declared and attached to every operation
 * (HTTP Basic for the embedded default's accounts, bearer JWT in production).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    static {
        // business times are local to Italy, as the documents give them: say so, with the shape the API reads
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .replaceWithSchema(java.time.LocalDateTime.class, new io.swagger.v3.oas.models.media.StringSchema()
                        .pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$").example("2024-10-18T14:00")
                        .description("A local date-time in Italy (Europe/Rome), without offset"))
                .replaceWithSchema(java.time.LocalTime.class, new io.swagger.v3.oas.models.media.StringSchema()
                        .pattern("^\\d{2}:\\d{2}(:\\d{2})?$").example("14:00").description("A local time in Italy"))
                .replaceWithSchema(java.time.YearMonth.class, new io.swagger.v3.oas.models.media.StringSchema()
                        .pattern("^\\d{4}-\\d{2}$").example("2025-06").description("A month"));
    }

    @Bean
    OpenAPI registroOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Registro").version("0.1")
                        .description("Event-sourced register of Lombardy's mayors' bodies, their sessions and acts. "
                                + "Errors are RFC 9457 problem+json with a stable code."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Claims: roles (SECRETARIAT, MAYOR, AUDITOR, ADMIN), bodies")));
    }

    @Bean
    OperationCustomizer securedOperations() {
        return (operation, handler) -> operation.security(List.of(
                new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Every operation says what it answers: 201 with Location where it creates, and its refusals as RFC 9457
     * problem+json (the Problem schema) with the codes each status carries; an operation without a summary gets
     * one from its name.
     */
    @Bean
    OperationCustomizer documentedResponses() {
        return (operation, handler) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(humanized(handler.getMethod().getName()));
            }
            io.swagger.v3.oas.models.responses.ApiResponses responses = operation.getResponses() == null
                    ? new io.swagger.v3.oas.models.responses.ApiResponses() : operation.getResponses();
            boolean write = handler.hasMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class);
            boolean addressed = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class));
            if (handler.hasMethodAnnotation(Creates.class)) {
                io.swagger.v3.oas.models.responses.ApiResponse ok = responses.remove("200");
                responses.addApiResponse("201", (ok == null ? new io.swagger.v3.oas.models.responses.ApiResponse() : ok)
                        .description("Created: Location names the new resource")
                        .addHeaderObject("Location", new io.swagger.v3.oas.models.headers.Header()
                                .description("The new resource's address").schema(new io.swagger.v3.oas.models.media.StringSchema())));
            }
            problem(responses, "400", "Malformed or invalid input: VALIDATION_FAILED (with the field and the shape expected), "
                    + "MALFORMED_JSON, UNKNOWN_FIELD");
            problem(responses, "401", "UNAUTHENTICATED: sign in (HTTP Basic or a bearer token)");
            problem(responses, "403", "FORBIDDEN: the caller's role or bodies do not allow it (decided before anything reveals "
                    + "whether the resource exists)");
            if (addressed) {
                problem(responses, "404", "<RESOURCE>_NOT_FOUND, e.g. SESSION_NOT_FOUND, BODY_NOT_FOUND, ACT_NOT_FOUND");
            }
            if (write) {
                problem(responses, "409", "The state does not allow it now: e.g. DUPLICATE_<RESOURCE>, CONCURRENT_MODIFICATION, "
                        + "ALREADY_PUBLISHED, MINUTES_ALREADY_SIGNED, BALLOT_ALREADY_HELD");
                problem(responses, "422", "A rule of the register refuses it, with its code and field: e.g. QUORUM_NOT_MET, "
                        + "SESSION_CLOSED, NOT_A_MEMBER, VOTER_NOT_PRESENT, TALLY_EXCEEDS_PRESENT, ITEM_NOT_ON_AGENDA");
                problem(responses, "413", "PAYLOAD_TOO_LARGE or DOCUMENT_TOO_LARGE");
                problem(responses, "429", "RATE_LIMITED: too many writes a minute");
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void problem(io.swagger.v3.oas.models.responses.ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
                    .content(new io.swagger.v3.oas.models.media.Content().addMediaType(PROBLEM_JSON,
                            new io.swagger.v3.oas.models.media.MediaType().schema(
                                    new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    private static String humanized(String method) {
        String words = method.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The Problem schema, the licence, and nothing left undescribed. */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer problemSchema() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, new io.swagger.v3.oas.models.media.ObjectSchema()
                    .description("RFC 9457 problem details with the register's stable code")
                    .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema().example("urn:registro:problem:quorum-not-met"))
                    .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema().example(422))
                    .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("instance", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("code", new io.swagger.v3.oas.models.media.StringSchema().example("QUORUM_NOT_MET"))
                    .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema().example("at"))
                    .addProperty("details", new io.swagger.v3.oas.models.media.ObjectSchema().description("Figures that explain the refusal"))
                    .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new io.swagger.v3.oas.models.media.ObjectSchema()
                            .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema())
                            .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema()))));
            openApi.getInfo().license(new io.swagger.v3.oas.models.info.License().name("Proprietary — the operating agency's terms")
                    .url("/web/note-legali"));
            // this very service, wherever it runs (not the address the description happened to be asked on)
            openApi.setServers(List.of(new io.swagger.v3.oas.models.servers.Server().url("/").description("This service")));
        };
    }

    /**
     * An example request on every operation that takes JSON: the seeds' own requests (seed 004's sitting, seed 000's
     * acts and POAS), as the scenario tests send them, kept in {@code openapi-examples.json}.
     */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer seedExamples() {
        java.util.Map<String, Object> examples;
        try (java.io.InputStream in = OpenApiConfiguration.class.getResourceAsStream("/openapi-examples.json")) {
            examples = new tools.jackson.databind.ObjectMapper().readValue(in, new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return openApi -> examples.forEach((path, example) -> {
            io.swagger.v3.oas.models.PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
            if (item == null || item.getPost() == null || item.getPost().getRequestBody() == null
                    || item.getPost().getRequestBody().getContent() == null) {
                return;
            }
            io.swagger.v3.oas.models.media.MediaType json = item.getPost().getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.setExample(example);
            }
        });
    }

    /**
     * Schema names unique across the service: a record nested in a class is named with that class's name
     * ({@code ActAdoptionRequest}, {@code PoasAdoptionRequest}, {@code SessionVote} and {@code SessionViewVote}).
     */
    @Bean
    io.swagger.v3.core.converter.ModelConverter nestedSchemaNames() {
        return (type, context, chain) -> {
            Class<?> raw = type.getType() instanceof Class<?> c ? c
                    : type.getType() instanceof com.fasterxml.jackson.databind.JavaType j ? j.getRawClass() : null;
            if (raw != null && type.getName() == null && raw.getEnclosingClass() != null && raw.getName().startsWith("it.registro.")
                    && !raw.isEnum()) {
                type.name(raw.getEnclosingClass().getSimpleName().replaceAll("(Controller|Requests)$", "") + raw.getSimpleName());
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        };
    }
}
