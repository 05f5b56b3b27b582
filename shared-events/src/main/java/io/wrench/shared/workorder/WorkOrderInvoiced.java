package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** Totals fixed at invoicing: labour + parts, tax at {@code taxRate}, total. */
@Revision("1")
public record WorkOrderInvoiced(WorkOrderId workOrderId, BigDecimal labour, BigDecimal parts, BigDecimal taxRate, BigDecimal tax, BigDecimal total) {
}
