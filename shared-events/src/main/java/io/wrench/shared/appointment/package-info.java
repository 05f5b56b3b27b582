/** Appointments: the front desk's bookings of a bay (and a technician) for a customer's jobs. */
package io.wrench.shared.appointment;
