package io.wrench.shared.appointment;

/** BOOKED and RESCHEDULED hold their time; CHECKED_IN keeps it (the car is in the bay); the others free it. */
public enum AppointmentStatus { BOOKED, RESCHEDULED, CHECKED_IN, CANCELLED, NO_SHOW }
