/**
 * Customer read models: the customer list (search, archived filter) and the customer detail with its
 * assets and work-order history. Work-order figures arrive from work-order events.
 */
package io.wrench.query.customer;
