/**
 * Work orders: lifecycle, labour and part lines, approvals, scans, inspections, invoicing and
 * payments. Part-line reservations are inventory's decision, recorded back here by the parts process.
 */
package io.wrench.shared.workorder;
