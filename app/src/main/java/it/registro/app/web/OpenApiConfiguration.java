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
}
