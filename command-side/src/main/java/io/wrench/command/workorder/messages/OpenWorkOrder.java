package io.wrench.command.workorder.messages;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Open a work order. {@code assetId}, {@code priority} (defaults to NORMAL) and {@code dueDate} are
 * optional; {@code openedOn} is the caller's clock (it picks the year of the number).
 */
public record OpenWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, CustomerId customerId, AssetId assetId,
                            String description, Priority priority, LocalDate dueDate, LocalDate openedOn) {
}
