/**
 * The work-order aggregate (lifecycle, lines, approval, inspections, invoicing, payments, overdue
 * deadline) and the parts process that settles each part line with inventory. The lookups it needs
 * ({@link io.wrench.command.workorder.CustomerEligibility} and friends) are implemented elsewhere.
 */
package io.wrench.command.workorder;
