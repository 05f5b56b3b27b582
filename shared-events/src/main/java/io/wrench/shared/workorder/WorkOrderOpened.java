package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** A new work order, numbered WO-&lt;year&gt;-&lt;6 digits&gt;; {@code assetId} may be null. */
@Revision("1")
public record WorkOrderOpened(WorkOrderId workOrderId, String number, io.wrench.shared.customer.CustomerId customerId, io.wrench.shared.customer.AssetId assetId, String description, Priority priority, java.time.LocalDate dueDate) {
}
