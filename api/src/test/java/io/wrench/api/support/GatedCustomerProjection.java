package io.wrench.api.support;

import io.wrench.shared.customer.CustomerRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test only: a handler in {@code customer-projection} that throws for the registration of a customer
 * whose name a test closes the gate on, so that a processor replaying the history (the copy of a
 * blue/green rebuild) stops before that event, deterministically, and retries. It also records the
 * lowest position of the registrations it sees while {@link #watch() watching}: a copy that resumes
 * from its stored token sees none below it.
 */
@ProcessingGroup("customer-projection")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GatedCustomerProjection {

    private static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong LOWEST_SEEN = new AtomicLong(Long.MAX_VALUE);

    public static void close(String customerName) {
        CLOSED.add(customerName);
    }

    public static void open(String customerName) {
        CLOSED.remove(customerName);
    }

    /** From now on, record the lowest position of the registrations handled. */
    public static void watch() {
        LOWEST_SEEN.set(Long.MAX_VALUE);
    }

    public static long lowestSeen() {
        return LOWEST_SEEN.get();
    }

    @EventHandler
    void on(CustomerRegistered event, TrackingToken token) {
        if (token != null && token.position().isPresent()) {
            LOWEST_SEEN.accumulateAndGet(token.position().getAsLong(), Math::min);
        }
        if (CLOSED.contains(event.name())) {
            throw new IllegalStateException("the gate is closed on " + event.name() + " by the test");
        }
    }
}
