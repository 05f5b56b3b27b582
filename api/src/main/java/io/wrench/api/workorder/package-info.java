/**
 * REST for work orders: {@code /api/work-orders/**} — opening, lines, the lifecycle actions, scans,
 * inspections, payments, the list and detail, and the QR code a shop-floor scanner reads.
 */
package io.wrench.api.workorder;
