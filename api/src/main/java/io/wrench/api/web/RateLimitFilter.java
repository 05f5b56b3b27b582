package io.wrench.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * docs/rest-contract.md's 429: the API is limited per client (the token's subject, so it runs after authentication,
 * inside the security chain), the token endpoint per remote address (before client authentication,
 * so wrong secrets count). Every limited answer carries {@code RateLimit-Policy} and {@code RateLimit}
 * (IETF httpapi rate-limit headers draft); a refusal is a 429 problem with {@code Retry-After}.
 * Health, actuator and the OpenAPI document are not limited. If the bucket store fails, the request
 * goes through: a limiter must not take the API down.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;

    /** {@code limiter} null: rate limiting is off. */
    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Deletes the stored buckets that have refilled completely (they would start full anyway). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void removeExpired() {
        try {
            if (limiter != null) {
                limiter.removeExpired();
            }
        } catch (RuntimeException storeFailed) {
            log.warn("Could not remove expired rate-limit buckets: {}", storeFailed.toString());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Kind kind = limiter == null ? null : kindOf(request);
        String client = kind == null ? null : clientOf(kind, request);
        if (client == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision decision;
        try {
            decision = limiter.tryConsume(kind, client);
        } catch (RuntimeException storeFailed) {
            log.warn("Rate limit not checked for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    storeFailed.toString());
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("RateLimit-Policy", decision.policyHeader());
        response.setHeader("RateLimit", decision.rateLimitHeader());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "more than " + decision.limit() + " " + decision.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " requests in " + decision.windowSeconds() + " s; retry after " + decision.resetSeconds() + " s",
                request), Map.of("Retry-After", Long.toString(decision.resetSeconds())));
    }

    static RateLimiter.Kind kindOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/oauth2/token")) {
            return RateLimiter.Kind.TOKEN;
        }
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (path.startsWith("/api/inventory/imports")) {
            return RateLimiter.Kind.IMPORTS;
        }
        return switch (request.getMethod()) {
            case "GET", "HEAD" -> RateLimiter.Kind.QUERIES;
            case "OPTIONS" -> null;
            default -> RateLimiter.Kind.COMMANDS;
        };
    }

    private static String clientOf(RateLimiter.Kind kind, HttpServletRequest request) {
        if (kind == RateLimiter.Kind.TOKEN) {
            return request.getRemoteAddr();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return authentication.getName();
    }
}
