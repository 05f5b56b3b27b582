package io.wrench.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description (its per-operation contract is {@link OpenApiContract}). Security: with
 * the embedded issuer, the client-credentials flow against {@code /oauth2/token} (e.g.
 * advisor-client / advisor-secret); with an external issuer ({@code issuer-uri}), its OpenID Connect
 * discovery document, from which Swagger UI takes the authorization-code endpoints (with PKCE, see
 * the Swagger UI settings). Either way a plain bearer token works too.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI wrenchOpenApi(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                          @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        Components components = new Components()
                .addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
        OpenAPI openApi = new OpenAPI()
                .info(new Info().title("Wrench API").version("1")
                        .description("Event-sourced backend for repair and service workshops. Errors are RFC 9457 "
                                + "problem details; commands answer X-Consistency-Token for read-your-writes; "
                                + "If-Match and Idempotency-Key are honoured on every mutating request."))
                .components(components);
        if (issuer.isBlank() && !jwkSetUri.isBlank()) {
            // keys from an identity provider whose endpoints we are not told: a bearer token it is
            return openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
        if (issuer.isBlank()) {
            components.addSecuritySchemes("oauth2", new SecurityScheme()
                    .type(SecurityScheme.Type.OAUTH2)
                    .description("the embedded development issuer: one demo client per role")
                    .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")
                            .scopes(new Scopes()))));
            openApi.addSecurityItem(new SecurityRequirement().addList("oauth2"));
        } else {
            // The browser reads the issuer's discovery document and uses its authorization and token
            // endpoints (authorization code; PKCE and the wrench-swagger client come from the Swagger
            // UI settings). The app does not fetch it: it may not reach the public issuer URL at all
            // (compose: only keycloak:8080, whose discovery answers name internal endpoints).
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            components.addSecuritySchemes("oidc", new SecurityScheme()
                    .type(SecurityScheme.Type.OPENIDCONNECT)
                    .description("log in at the identity provider: choose authorization_code (with PKCE)")
                    .openIdConnectUrl(base + "/.well-known/openid-configuration"));
            openApi.addSecurityItem(new SecurityRequirement().addList("oidc"));
        }
        return openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
