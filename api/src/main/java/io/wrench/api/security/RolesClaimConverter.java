package io.wrench.api.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads roles from a claim path: {@code roles} for our embedded issuer, {@code realm_access.roles}
 * for Keycloak's realm roles. A list or a space/comma separated string; case does not matter.
 */
final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String[] path;

    RolesClaimConverter(String claimPath) {
        this.path = claimPath.split("\\.");
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), jwt.getSubject());
    }

    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Object value = claims;
        for (String segment : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(segment);
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> names.add(String.valueOf(v)));
        } else if (value instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        return names.stream()
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .map(n -> n.toUpperCase(Locale.ROOT))
                .<GrantedAuthority>map(n -> new SimpleGrantedAuthority("ROLE_" + n))
                .distinct()
                .toList();
    }
}
