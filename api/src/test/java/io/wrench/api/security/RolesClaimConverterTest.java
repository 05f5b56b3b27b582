package io.wrench.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles come from a configurable claim path: ours ({@code roles}) and Keycloak's realm roles. */
class RolesClaimConverterTest {

    private static List<String> roles(String path, Map<String, Object> claims) {
        return new RolesClaimConverter(path).authorities(claims).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void a_top_level_list_claim() {
        assertThat(roles("roles", Map.of("roles", List.of("ADVISOR")))).containsExactly("ROLE_ADVISOR");
    }

    @Test
    void a_dotted_path_reaches_keycloak_realm_roles_whatever_their_case() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("manager", "offline_access")),
                "roles", List.of("ADMIN"));
        assertThat(roles("realm_access.roles", claims)).containsExactly("ROLE_MANAGER", "ROLE_OFFLINE_ACCESS");
    }

    @Test
    void a_space_or_comma_separated_string_and_duplicates() {
        assertThat(roles("roles", Map.of("roles", "advisor, technician  advisor")))
                .containsExactly("ROLE_ADVISOR", "ROLE_TECHNICIAN");
    }

    @Test
    void a_missing_or_wrongly_shaped_claim_grants_nothing() {
        assertThat(roles("realm_access.roles", Map.of("roles", List.of("ADMIN")))).isEmpty();
        assertThat(roles("realm_access.roles", Map.of("realm_access", "ADMIN"))).isEmpty();
        assertThat(roles("roles", Map.of("roles", 42))).isEmpty();
    }
}
