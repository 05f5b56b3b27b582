package io.wrench.query.inventory.messages;

import io.wrench.query.PageQuery;

import java.util.Map;
import java.util.Set;

/** The stock item list: {@code search} over SKU, name and location; {@code lowStock} null = all. */
public record FindStockItems(String search, Boolean lowStock, PageQuery page) {

    /** API sort field → read-model property. */
    public static final Map<String, String> SORTABLE = Map.of(
            "sku", "sku",
            "name", "name",
            "location", "location",
            "onHand", "onHand",
            "reserved", "reserved",
            "available", "available",
            "backordered", "backordered",
            "reorderLevel", "reorderLevel",
            "unitCost", "unitCost");

    public static Set<String> sortFields() {
        return SORTABLE.keySet();
    }
}
