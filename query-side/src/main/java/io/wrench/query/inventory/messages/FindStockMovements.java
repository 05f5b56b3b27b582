package io.wrench.query.inventory.messages;

import io.wrench.query.PageQuery;
import io.wrench.shared.inventory.StockItemId;

import java.util.Map;
import java.util.Set;

/** One item's ledger; newest first unless sorted {@code at,asc}. */
public record FindStockMovements(StockItemId itemId, PageQuery page) {

    /** API sort field → read-model property: {@code at} follows the item's own event order. */
    public static final Map<String, String> SORTABLE = Map.of("at", "sequence");

    public static Set<String> sortFields() {
        return SORTABLE.keySet();
    }
}
