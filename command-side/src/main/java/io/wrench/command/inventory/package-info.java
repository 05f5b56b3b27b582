/**
 * The stock item aggregate: on-hand stock and its moving-average cost, reservations and the backorder
 * queue for work-order lines, and the low-stock signal; and the command-side registry that keeps SKUs
 * unique in the command's own transaction. The rules in plain words are in {@code docs/inventory.md}.
 * <p>
 * Where each rule lives: input checks, {@code InventoryRuleViolation.INPUT}; on hand never below zero
 * nor below reserved, {@code StockItem} (adjustments); backorders filled in request order,
 * {@code Reservations} (one queue, filled from its head, no overtaking) together with the parts
 * process's one segment ({@code PartsProcess.IN_REQUEST_ORDER}: requests reach the item in the order
 * they were made); low stock signalled once, {@code LowStockPolicy}; unique SKU,
 * {@code JdbcStockItemRegistry}.
 */
package io.wrench.command.inventory;
