package io.wrench.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description. Swagger UI's "Authorize" offers the client-credentials flow against the
 * embedded issuer ({@code /oauth2/token}, e.g. advisor-client / advisor-secret) and a plain bearer
 * token for a real identity provider.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI wrenchOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Wrench API").version("1")
                        .description("Event-sourced backend for repair and service workshops. Errors are RFC 9457 "
                                + "problem details; commands answer X-Consistency-Token for read-your-writes; "
                                + "If-Match and Idempotency-Key are honoured on every mutating request."))
                .components(new Components()
                        .addSecuritySchemes("oauth2", new SecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token"))))
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("oauth2"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
