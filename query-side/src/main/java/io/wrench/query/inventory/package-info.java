/**
 * Inventory read models: the stock item list (search, low-stock filter) and detail, and each item's
 * ledger of stock movements, newest first.
 */
package io.wrench.query.inventory;
