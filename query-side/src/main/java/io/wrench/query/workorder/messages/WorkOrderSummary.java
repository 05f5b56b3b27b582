package io.wrench.query.workorder.messages;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of the work-order list; {@code total} as in {@link WorkOrderDetails.Totals}. */
public record WorkOrderSummary(WorkOrderId id, String number, WorkOrderStatus status, CustomerId customerId,
                               String customerName, AssetId assetId, Priority priority, String technician,
                               String technicianName,
                               LocalDate dueDate, boolean overdue, BigDecimal total, Instant openedAt) {
}
