package io.wrench.command.workorder;

import io.wrench.shared.inventory.StockItemId;

import java.math.BigDecimal;
import java.util.Optional;

/** What a part line needs to know about a stock item when it is added. */
public interface PartCatalog {

    Optional<Part> find(StockItemId itemId);

    record Part(String sku, String name, BigDecimal unitCost, boolean discontinued) {
    }
}
