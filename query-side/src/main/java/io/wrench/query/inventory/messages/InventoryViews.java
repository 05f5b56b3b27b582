package io.wrench.query.inventory.messages;

/** The processors whose projections keep the views these queries read (a consistency wait names them). */
public final class InventoryViews {

    /** Stock items: the list and the detail. */
    public static final String ITEMS = "stock-item-projection";
    /** The movements ledger of each item. */
    public static final String MOVEMENTS = "stock-movement-projection";

    private InventoryViews() {
    }
}
