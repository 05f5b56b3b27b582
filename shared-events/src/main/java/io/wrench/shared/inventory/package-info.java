/**
 * Stock items: receipts, adjustments, reservations for work-order lines, backorders and low-stock
 * signals. Quantities are decimals (litres, metres) in the item's unit of measure.
 */
package io.wrench.shared.inventory;
