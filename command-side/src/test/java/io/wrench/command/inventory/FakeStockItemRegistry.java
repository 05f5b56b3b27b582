package io.wrench.command.inventory;

import io.wrench.shared.inventory.StockItemId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The stock item lookup for aggregate fixtures: empty unless a test takes a SKU or adds an item. */
public final class FakeStockItemRegistry implements StockItemRegistry {

    private final Map<String, StockItemId> owners = new HashMap<>();
    private final Map<StockItemId, Item> items = new HashMap<>();

    public FakeStockItemRegistry taken(String sku, StockItemId owner) {
        owners.put(StockItemRegistry.normaliseSku(sku), owner);
        return this;
    }

    public FakeStockItemRegistry with(StockItemId itemId, Item item) {
        items.put(itemId, item);
        return this;
    }

    @Override
    public Optional<StockItemId> skuOwner(String sku) {
        return Optional.ofNullable(owners.get(StockItemRegistry.normaliseSku(sku)));
    }

    @Override
    public Optional<Item> find(StockItemId itemId) {
        return Optional.ofNullable(items.get(itemId));
    }
}
