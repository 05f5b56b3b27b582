/**
 * The stock item aggregate: on-hand stock and its moving-average cost, reservations and the backorder
 * queue for work-order lines, and the low-stock signal; and the command-side registry that keeps SKUs
 * unique in the command's own transaction. The rules in plain words are in {@code docs/inventory.md}.
 */
package io.wrench.command.inventory;
