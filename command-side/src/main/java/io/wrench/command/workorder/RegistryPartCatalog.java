package io.wrench.command.workorder;

import io.wrench.command.inventory.StockItemRegistry;
import io.wrench.shared.inventory.StockItemId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Part lines see stock items through inventory's command-side registry (same transaction as its events). */
@Component
class RegistryPartCatalog implements PartCatalog {

    private final StockItemRegistry registry;

    RegistryPartCatalog(StockItemRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Part> find(StockItemId itemId) {
        return registry.find(itemId).map(item -> new Part(item.sku(), item.name(), item.unitCost(), item.discontinued()));
    }
}
