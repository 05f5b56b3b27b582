/**
 * The technician directory: one aggregate per person who may be assigned, keyed by their user id (the
 * JWT subject), and the command side's own lookup table of it ({@link io.wrench.command.technician.TechnicianDirectory})
 * that a work order's assignment reads.
 */
package io.wrench.command.technician;
