/** Queries and views of the technician directory. */
package io.wrench.query.technician.messages;
