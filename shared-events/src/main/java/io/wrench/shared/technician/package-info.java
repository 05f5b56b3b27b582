/**
 * The technician directory: who may be assigned to a work order. A technician is identified by their
 * user id, the JWT subject, everywhere an event names a person.
 */
package io.wrench.shared.technician;
