/**
 * Appointments: a bay (and optionally a technician) booked for a customer's jobs. No bay and no
 * technician is booked twice for the same time: the booking registry (cmd_booking_slot, one row per
 * resource and 15-minute slot under a primary key) holds that rule in the command's transaction.
 */
package io.wrench.command.appointment;
