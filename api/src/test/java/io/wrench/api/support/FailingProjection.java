package io.wrench.api.support;

import io.wrench.shared.inventory.StockItemRegistered;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test only: a handler in {@code stock-item-projection}, run before the projection's own (highest
 * order), that throws for the stock items whose SKU a test names, so the event is dead-lettered and
 * every later event of that item waits behind it. Shared by the instances of one JVM (static), so in
 * a cluster test it fails on whichever instance owns the item's segment.
 */
@ProcessingGroup("stock-item-projection")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FailingProjection {

    private static final Set<String> FAILING_SKUS = ConcurrentHashMap.newKeySet();
    private static final Set<String> UNWRITABLE_SKUS = ConcurrentHashMap.newKeySet();

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * The handler goes through for the SKU, but leaves a row in the batch that cannot be written (a processor
     * name longer than {@code token_entry}'s column): the batch fails when it flushes, which no handler sees.
     */
    public static void failAtWriteFor(String sku) {
        UNWRITABLE_SKUS.add(sku);
    }

    public static void failFor(String sku) {
        FAILING_SKUS.add(sku);
    }

    public static void heal(String sku) {
        FAILING_SKUS.remove(sku);
        UNWRITABLE_SKUS.remove(sku);
    }

    @EventHandler
    void on(StockItemRegistered event) {
        if (FAILING_SKUS.contains(event.sku())) {
            throw new IllegalStateException("made to fail for " + event.sku() + " by the test");
        }
        if (UNWRITABLE_SKUS.contains(event.sku())) {
            entityManager.persist(new TokenEntry("unwritable-" + "x".repeat(300), 0, null, null));
        }
    }
}
