/** REST for stock items, their ledger and the spreadsheet import: {@code /api/inventory/**}. */
package io.wrench.api.inventory;
