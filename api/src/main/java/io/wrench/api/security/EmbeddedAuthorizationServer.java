package io.wrench.api.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.wrench.api.config.WrenchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A development issuer: {@code POST /oauth2/token} with client credentials for one demo client per
 * role ({@code admin-client/admin-secret}, ...). Off as soon as a real identity provider is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == '' "
        + "and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''")
class EmbeddedAuthorizationServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthorizationServer.class);
    private static final String ROLE_SETTING = "wrench.role";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
        log.warn("Embedded OAuth2 authorization server is ON with demo clients: a development issuer, "
                + "not for production. Configure spring.security.oauth2.resourceserver.jwt.issuer-uri to turn it off.");
        var problems = new ProblemAuthenticationHandlers();
        // Only the issuer's own endpoints; everything else belongs to the resource-server chain.
        http.securityMatcher("/oauth2/**", "/.well-known/oauth-authorization-server/**",
                        "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")
                .oauth2AuthorizationServer(server -> {
                });
        http.exceptionHandling(e -> e.authenticationEntryPoint(problems));
        return http.build();
    }

    /**
     * The demo technician's token has the subject {@code technician-client}: registered in the technician
     * directory at start-up, so a manager can assign work to it out of the box.
     */
    @Bean
    io.wrench.api.technician.TechnicianSeed demoTechnician() {
        return new io.wrench.api.technician.TechnicianSeed(demoClientId(Role.TECHNICIAN), "Demo Technician");
    }

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        List<RegisteredClient> clients = Arrays.stream(Role.values()).map(EmbeddedAuthorizationServer::demoClient).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** A demo client's id, which is also its tokens' subject. */
    private static String demoClientId(Role role) {
        return role.name().toLowerCase(Locale.ROOT) + "-client";
    }

    private static RegisteredClient demoClient(Role role) {
        String name = role.name().toLowerCase(Locale.ROOT);
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .clientId(demoClientId(role))
                .clientSecret("{noop}" + name + "-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(ROLE_SETTING, role.name()).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
                .build();
    }

    /**
     * {@code sub} is the client id already; {@code azp} names it too (the authorized party, as Keycloak
     * writes it, so the audit metadata's {@code clientId} is the same claim with either issuer);
     * {@code roles} holds the client's role. Tokens are signed ES256 with the key of {@link #jwkSource()}.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim() {
        return context -> {
            context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
            context.getClaims().claim("azp", context.getRegisteredClient().getClientId());
            Object role = context.getRegisteredClient().getClientSettings().getSetting(ROLE_SETTING);
            if (role != null) {
                context.getClaims().claim("roles", List.of(role.toString()));
            }
        };
    }

    /**
     * One P-256 key for every instance on this database, kept across restarts ({@link SharedSigningKey}).
     * EC rather than RSA: generating a 2048-bit RSA key costs 0.5-1.7 s on two cores, an EC key ~40 ms.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcTemplate jdbc, WrenchProperties properties, Clock clock) {
        return new SharedSigningKey(jdbc, properties.getSecurity().getEmbeddedIssuerKey(), clock);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}
