/** Customers and the assets (vehicles, equipment) they bring in: ids and events. */
package io.wrench.shared.customer;
