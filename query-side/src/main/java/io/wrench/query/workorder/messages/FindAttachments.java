package io.wrench.query.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;

/** The attachments a work order has now (removed ones left out), oldest first. */
public record FindAttachments(WorkOrderId workOrderId) {
}
