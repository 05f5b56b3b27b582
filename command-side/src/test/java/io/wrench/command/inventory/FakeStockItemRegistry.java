package io.wrench.command.inventory;

import io.wrench.shared.inventory.StockItemId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The SKU lookup for aggregate fixtures: empty unless a test takes a SKU. */
final class FakeStockItemRegistry implements StockItemRegistry {

    private final Map<String, StockItemId> owners = new HashMap<>();

    FakeStockItemRegistry taken(String sku, StockItemId owner) {
        owners.put(StockItemRegistry.normaliseSku(sku), owner);
        return this;
    }

    @Override
    public Optional<StockItemId> skuOwner(String sku) {
        return Optional.ofNullable(owners.get(StockItemRegistry.normaliseSku(sku)));
    }

    @Override
    public Optional<Item> find(StockItemId itemId) {
        return Optional.empty();
    }
}
