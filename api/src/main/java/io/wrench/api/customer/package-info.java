/** REST for customers and their assets: {@code /api/customers/**}. */
package io.wrench.api.customer;
