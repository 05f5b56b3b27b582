/** Appointment read models: the calendar (per day or week, per bay or technician, per customer) and each appointment. */
package io.wrench.query.appointment;
