package io.wrench.api.inventory;

import io.wrench.api.web.Problems;

import java.util.List;

/**
 * What an import did: how many items it registered, how many rows it skipped because their SKU was
 * already taken (by an item before the import or by an earlier row of the same file) and which SKUs
 * those were, and the rows it refused with the reasons, by row number as the spreadsheet shows it.
 */
record ImportReport(int imported, int skipped, List<String> skippedSkus, List<RejectedRow> rejected) {

    record RejectedRow(int row, List<Problems.FieldError> errors) {
    }
}
