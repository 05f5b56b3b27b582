package io.wrench.api.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is recorded for a Keycloak-shaped token: the subject is a UUID nobody can read, so a name goes beside it. */
class RequestMetadataTest {

    private static final String SUBJECT = "5f0c2b8e-6f7e-4c59-9a43-2f1f4fb5a0d1";

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    private static void authenticate(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "ES256").subject(SUBJECT)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build(),
                List.of(new SimpleGrantedAuthority("ROLE_MANAGER"), new SimpleGrantedAuthority("ROLE_ADVISOR")), SUBJECT));
    }

    @Test
    void records_subject_readable_name_client_roles_and_request() {
        authenticate(Map.of("preferred_username", "mark.manager", "name", "Mark Manager", "azp", "front-desk"));
        MDC.put(RequestIdFilter.MDC_KEY, "req-7");

        Map<String, Object> metadata = RequestMetadata.current(RequestMetadata.DEFAULT_NAME_CLAIMS);

        assertThat(metadata).containsEntry("userId", SUBJECT)
                .containsEntry("userName", "mark.manager")
                .containsEntry("clientId", "front-desk")
                .containsEntry("roles", "ADVISOR,MANAGER")
                .containsEntry("requestId", "req-7");
    }

    @Test
    void the_name_claim_is_configurable_and_falls_back_to_name_then_subject() {
        authenticate(Map.of("name", "Mark Manager", "email", "mark@example.com", "client_id", "tablet"));

        assertThat(RequestMetadata.current(List.of("email")).get("userName")).isEqualTo("mark@example.com");
        assertThat(RequestMetadata.current(RequestMetadata.DEFAULT_NAME_CLAIMS).get("userName")).isEqualTo("Mark Manager");
        assertThat(RequestMetadata.current(List.of("nickname")).get("userName")).isEqualTo(SUBJECT);
        assertThat(RequestMetadata.current(List.of()).get("clientId")).as("client_id when there is no azp").isEqualTo("tablet");
    }
}
