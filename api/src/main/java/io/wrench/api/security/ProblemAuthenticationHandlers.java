package io.wrench.api.security;

import io.wrench.api.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Map;

/** 401 and 403 in the same problem-detail shape as every other error. */
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure.getCause() instanceof HardenedJwtDecoder.IdentityProviderUnavailable) {
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "the token cannot be verified now: the identity provider is unreachable; retry later", request),
                    Map.of("Retry-After", "30"));
            return;
        }
        boolean badToken = failure instanceof InvalidBearerTokenException
                || request.getHeader("Authorization") != null;
        String challenge = badToken
                ? "Bearer error=\"invalid_token\", error_description=\"the token is invalid or expired\""
                : "Bearer";
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                badToken ? "the bearer token is invalid or expired" : "a bearer token is required", request),
                Map.of("WWW-Authenticate", challenge));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "your role may not " + request.getMethod() + " " + request.getRequestURI(), request),
                Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
    }
}
