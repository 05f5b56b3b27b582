/**
 * The work-order aggregate (lifecycle, lines, approval, inspections, invoicing, payments, overdue
 * deadline) and the parts process that settles each part line with inventory. The lookups it needs
 * ({@link io.wrench.command.workorder.CustomerEligibility} and friends) are implemented elsewhere.
 * <p>
 * Where each rule lives: what may happen in which status, {@code Lifecycle} (one table);
 * completion, {@code CompletionPolicy}; payments up to the balance, {@code PaymentPolicy}; line
 * amounts and tax, {@code io.wrench.shared.Money} and {@code Totals}; a part line's price and a
 * discontinued item, {@code PartLineRequest}; part lines reserved in request order, {@code PartsProcess}
 * (one segment); overdue, {@code OverdueDeadline}; input checks, {@code WorkOrderRuleViolation.INPUT}.
 */
package io.wrench.command.workorder;
