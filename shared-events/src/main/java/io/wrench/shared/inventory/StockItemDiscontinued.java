package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

/** No new reservations; existing ones can still be issued or released. */
@Revision("1")
public record StockItemDiscontinued(StockItemId itemId) {
}
