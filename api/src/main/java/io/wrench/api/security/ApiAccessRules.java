package io.wrench.api.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

import static io.wrench.api.security.Role.ADMIN;
import static io.wrench.api.security.Role.ADVISOR;
import static io.wrench.api.security.Role.ANALYST;
import static io.wrench.api.security.Role.AUDITOR;
import static io.wrench.api.security.Role.MANAGER;
import static io.wrench.api.security.Role.STOREKEEPER;
import static io.wrench.api.security.Role.TECHNICIAN;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may do what: docs/rest-contract.md's role column, as one table. Checked in the filter chain, before a body is
 * read, so a role that may not call an endpoint gets 403 whatever it sends. Reads are open to every
 * authenticated role unless listed here.
 */
final class ApiAccessRules {

    private ApiAccessRules() {
    }

    private record Rule(HttpMethod method, String path, String parameter, Role... roles) {

        Rule(HttpMethod method, String path, Role... roles) {
            this(method, path, null, roles);
        }
    }

    private static final Rule[] RULES = {
            new Rule(POST, "/api/customers", ADVISOR, MANAGER),
            new Rule(PATCH, "/api/customers/*", ADVISOR, MANAGER),
            new Rule(POST, "/api/customers/*/assets", ADVISOR, MANAGER),
            new Rule(POST, "/api/customers/*/assets/*/odometer", ADVISOR, TECHNICIAN, MANAGER),
            new Rule(POST, "/api/customers/*/archive", MANAGER),
            new Rule(PUT, "/api/customers/*/notifications", ADVISOR, MANAGER),

            new Rule(POST, "/api/inventory/items", STOREKEEPER, MANAGER),
            new Rule(POST, "/api/inventory/items/*/receipts", STOREKEEPER, MANAGER),
            new Rule(POST, "/api/inventory/items/*/adjustments", STOREKEEPER, MANAGER),
            new Rule(PATCH, "/api/inventory/items/*", STOREKEEPER, MANAGER),
            new Rule(POST, "/api/inventory/items/*/discontinue", MANAGER),
            new Rule(POST, "/api/inventory/imports", STOREKEEPER, MANAGER),

            new Rule(POST, "/api/catalogue", MANAGER),
            new Rule(PATCH, "/api/catalogue/*", MANAGER),
            new Rule(POST, "/api/catalogue/*/retire", MANAGER),

            new Rule(PUT, "/api/technicians/*", MANAGER),
            new Rule(POST, "/api/technicians/*/deactivate", MANAGER),
            new Rule(POST, "/api/technicians/*/reactivate", MANAGER),

            new Rule(POST, "/api/appointments", ADVISOR, MANAGER),
            new Rule(POST, "/api/appointments/*/reschedule", ADVISOR, MANAGER),
            new Rule(POST, "/api/appointments/*/cancel", ADVISOR, MANAGER),
            new Rule(POST, "/api/appointments/*/check-in", ADVISOR, MANAGER),

            new Rule(POST, "/api/work-orders", ADVISOR, MANAGER),
            new Rule(POST, "/api/work-orders/*/labour", ADVISOR, TECHNICIAN, MANAGER),
            new Rule(POST, "/api/work-orders/*/parts", ADVISOR, TECHNICIAN, MANAGER),
            new Rule(POST, "/api/work-orders/*/jobs", ADVISOR, TECHNICIAN, MANAGER),
            new Rule(DELETE, "/api/work-orders/*/lines/*", ADVISOR, MANAGER),
            new Rule(POST, "/api/work-orders/*/approve", ADVISOR, MANAGER),
            new Rule(POST, "/api/work-orders/*/assign", MANAGER),
            new Rule(POST, "/api/work-orders/*/start", TECHNICIAN, MANAGER),
            new Rule(POST, "/api/work-orders/*/hold", TECHNICIAN, MANAGER),
            new Rule(POST, "/api/work-orders/*/resume", TECHNICIAN, MANAGER),
            new Rule(POST, "/api/work-orders/*/scans", TECHNICIAN),
            new Rule(POST, "/api/work-orders/*/inspections", TECHNICIAN, MANAGER),
            new Rule(POST, "/api/work-orders/*/complete", TECHNICIAN, MANAGER),
            new Rule(POST, "/api/work-orders/*/invoice", MANAGER),
            new Rule(POST, "/api/work-orders/*/payments", ADVISOR, MANAGER),
            new Rule(POST, "/api/work-orders/*/cancel", MANAGER),
            new Rule(POST, "/api/work-orders/*/attachments", ADVISOR, TECHNICIAN, MANAGER),
            new Rule(DELETE, "/api/work-orders/*/attachments/*", ADVISOR, MANAGER),

            new Rule(null, "/api/dashboard/**", MANAGER, ANALYST, AUDITOR),

            new Rule(GET, "/api/customers/*/history", AUDITOR, MANAGER),
            new Rule(GET, "/api/customers/*", "asOf", AUDITOR, MANAGER),
            new Rule(GET, "/api/inventory/items/*", "asOf", AUDITOR, MANAGER),
            new Rule(GET, "/api/work-orders/*", "asOf", AUDITOR, MANAGER),
            new Rule(GET, "/api/inventory/items/*/history", AUDITOR, MANAGER),
            new Rule(GET, "/api/work-orders/*/history", AUDITOR, MANAGER),
            new Rule(GET, "/api/audit/export", AUDITOR, ANALYST),
            new Rule(null, "/api/audit/**", AUDITOR),
            new Rule(null, "/api/admin/projections/**", ANALYST),
            new Rule(null, "/api/admin/dead-letters/**", ANALYST),
            new Rule(null, "/api/admin/**"),
    };

    /** ADMIN may do everything, so it is added to every rule. */
    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule rule : RULES) {
            String[] roles = java.util.stream.Stream.concat(java.util.stream.Stream.of(ADMIN),
                    java.util.Arrays.stream(rule.roles())).map(Role::name).distinct().toArray(String[]::new);
            if (rule.parameter() != null) {
                String parameter = rule.parameter();
                registry.requestMatchers(new AndRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.path()),
                        request -> request.getParameter(parameter) != null)).hasAnyRole(roles);
            } else if (rule.method() == null) {
                registry.requestMatchers(rule.path()).hasAnyRole(roles);
            } else {
                registry.requestMatchers(rule.method(), rule.path()).hasAnyRole(roles);
            }
        }
    }
}
