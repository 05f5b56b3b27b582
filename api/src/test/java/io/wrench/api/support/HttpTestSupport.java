package io.wrench.api.support;

import io.wrench.api.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every HTTP test: the whole application on a random port (one context, shared by all
 * HTTP tests), on H2 by default and on PostgreSQL in the {@code http-tests-on-postgresql} Surefire
 * execution. Tests make their own data (unique names), so they do not depend on order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({CleanDatabase.class, FailingProjection.class, GatedCustomerProjection.class})
public abstract class HttpTestSupport {

    @LocalServerPort
    protected int port;

    protected Api api;

    /** Customer e-mail goes to the test JVM's SMTP server (declared here, so every HTTP test shares one context). */
    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a customer as an advisor and returns its id. */
    protected String newCustomer(String name) {
        Api.Response created = api.as(Role.ADVISOR).post("/api/customers",
                Map.of("name", name, "email", unique(name.toLowerCase().replace(' ', '.')) + "@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** Registers a stock item as a storekeeper: reorder level 5, unit cost 8.50, nothing on hand. */
    protected Api.Response newStockItem(String sku, String name) {
        Api.Response created = api.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of("sku", sku, "name", name,
                "unit", "pcs", "reorderLevel", 5, "unitCost", new BigDecimal("8.50"), "location", "A-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    /**
     * Registers a technician in the directory as a manager ({@code PUT /api/technicians/{userId}}), so work
     * can be assigned to them; returns the user id.
     */
    protected String newTechnician(String userId, String displayName) {
        Api.Response registered = api.as(Role.MANAGER).put("/api/technicians/" + userId, Map.of("displayName", displayName));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        return userId;
    }

    /** GET with the consistency token of a command answer: reads what that command wrote. */
    protected Api.Response readAfter(Api.Response command, Role role, String path) {
        return api.as(role).header("X-Consistency-Token", command.consistencyToken()).get(path);
    }
}
