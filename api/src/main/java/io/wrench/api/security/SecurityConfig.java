package io.wrench.api.security;

import io.wrench.api.config.WrenchProperties;
import io.wrench.api.web.IdempotencyFilter;
import io.wrench.api.web.RateLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The API is an OAuth2 resource server; see {@link EmbeddedAuthorizationServer} for local tokens. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, WrenchProperties properties, IdempotencyFilter idempotency,
                                    RateLimitFilter rateLimit, JwtDecoder verifier, Clock clock,
                                    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer)
            throws Exception {
        var security = properties.getSecurity();
        var decoder = new HardenedJwtDecoder(verifier, security.getAudience(),
                java.util.Set.copyOf(security.getAcceptedAlgorithms()), security.getTokenCacheSize(),
                security.getTokenRecheckAfter(), clock);
        var problems = new ProblemAuthenticationHandlers();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .headers(headers -> headers
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(contentSecurityPolicy(docsPolicy(issuer))))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                            "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    auth.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    auth.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    ApiAccessRules.apply(auth);
                    auth.requestMatchers("/error").permitAll();
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(
                                new RolesClaimConverter(security.getRolesClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(rateLimit, BearerTokenAuthenticationFilter.class)
                .addFilterAfter(idempotency, RateLimitFilter.class);
        return http.build();
    }

    /**
     * The Swagger UI page's CSP: its own scripts and styles, and connections to this origin only. With
     * an external issuer the browser also fetches that issuer's discovery document and exchanges the
     * authorization code at its token endpoint, so connect-src names the issuer (as a path prefix, so
     * nothing else on that host) and nothing wider. The login page itself opens in a popup window,
     * which CSP does not govern.
     */
    static String docsPolicy(String issuer) {
        String connect = "'self'";
        if (issuer != null && !issuer.isBlank()) {
            connect += " " + (issuer.endsWith("/") ? issuer : issuer + "/");
        }
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self' 'unsafe-inline'; connect-src " + connect + "; frame-ancestors 'none'";
    }

    /** A strict CSP for API answers; Swagger UI needs its own scripts and styles. */
    private static HeaderWriter contentSecurityPolicy(String docsPolicy) {
        return (request, response) -> {
            if (!response.containsHeader("Content-Security-Policy")) {
                response.setHeader("Content-Security-Policy", isDocs(request) ? docsPolicy : API_CSP);
            }
        };
    }

    private static boolean isDocs(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs");
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WrenchProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.getSecurity().getCorsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                "X-Request-Id", "X-Consistency-Token"));
        cors.setExposedHeaders(List.of("Location", "ETag", "X-Request-Id", "X-Consistency-Token", "X-Consistency",
                "Retry-After", "RateLimit", "RateLimit-Policy"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdempotencyFilter idempotencyFilter(JdbcTemplate jdbc, WrenchProperties properties, Clock clock) {
        return new IdempotencyFilter(jdbc, properties, clock);
    }

    /** It runs inside the security chain (after authentication), not as a second servlet filter. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
