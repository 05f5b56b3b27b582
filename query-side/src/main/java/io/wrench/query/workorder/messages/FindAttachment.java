package io.wrench.query.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;

import java.util.UUID;

/** One attachment of a work order, removed or not; empty when the work order has none by this id. */
public record FindAttachment(WorkOrderId workOrderId, UUID attachmentId) {
}
