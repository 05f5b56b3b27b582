/**
 * Work-order read models: the list (filters, search, sort) and the detail with lines, inspections,
 * payments, scans and totals. Customer names and assets arrive from customer events into this
 * group's own small tables.
 */
package io.wrench.query.workorder;
