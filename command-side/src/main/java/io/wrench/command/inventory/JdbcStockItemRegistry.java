package io.wrench.command.inventory;

import io.wrench.command.CommandSideProcessing;
import io.wrench.command.LookupTable;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.inventory.StockItemDetailsChanged;
import io.wrench.shared.inventory.StockItemDiscontinued;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockReceived;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The registry's table ({@code cmd_stock_item}) is written by a subscribing processor, inside the
 * transaction that stores the event. The unique index on the SKU key is the last word: when two
 * registrations race past the aggregate's check, the second insert fails and its command is rolled back
 * with the same rule violation.
 */
@Component
@ProcessingGroup(CommandSideProcessing.STOCK_ITEM_REGISTRY)
class JdbcStockItemRegistry extends LookupTable implements StockItemRegistry {

    JdbcStockItemRegistry(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public Optional<StockItemId> skuOwner(String sku) {
        return first("select item_id from cmd_stock_item where sku_key = ?",
                (rs, i) -> new StockItemId(rs.getObject(1, UUID.class)), StockItemRegistry.normaliseSku(sku));
    }

    @Override
    public Optional<Item> find(StockItemId itemId) {
        return first("select sku, name, unit_cost, discontinued from cmd_stock_item where item_id = ?",
                (rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4)),
                itemId.value());
    }

    @EventHandler
    void on(StockItemRegistered event) {
        writeUnique(() -> new InventoryRuleViolation(ErrorCode.SKU_IN_USE, "SKU " + event.sku() + " is already in use"),
                "insert into cmd_stock_item (item_id, sku_key, sku, name, unit_cost, discontinued) "
                        + "values (?, ?, ?, ?, ?, false)",
                event.itemId().value(), StockItemRegistry.normaliseSku(event.sku()), event.sku(), event.name(),
                event.unitCost());
    }

    @EventHandler
    void on(StockReceived event) {
        jdbc.update("update cmd_stock_item set unit_cost = ? where item_id = ?",
                event.averageUnitCost(), event.itemId().value());
    }

    @EventHandler
    void on(StockItemDetailsChanged event) {
        jdbc.update("update cmd_stock_item set name = ? where item_id = ?", event.name(), event.itemId().value());
    }

    @EventHandler
    void on(StockItemDiscontinued event) {
        jdbc.update("update cmd_stock_item set discontinued = true where item_id = ?", event.itemId().value());
    }

    @ResetHandler
    void reset() {
        clear("cmd_stock_item");
    }
}
