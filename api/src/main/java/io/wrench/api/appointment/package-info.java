/** The appointments' endpoints (/api/appointments): booking, the calendar, availability, check-in. */
package io.wrench.api.appointment;
