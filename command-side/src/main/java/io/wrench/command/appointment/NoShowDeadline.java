package io.wrench.command.appointment;

import org.axonframework.deadline.DeadlineManager;

import java.time.Instant;

/** An appointment not checked in by the end of its booked time is a no-show (a persistent deadline). */
final class NoShowDeadline {

    static final String NAME = "appointment-no-show";

    private NoShowDeadline() {
    }

    static void schedule(DeadlineManager deadlines, Instant end) {
        deadlines.cancelAllWithinScope(NAME);
        deadlines.schedule(end, NAME);
    }

    static void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(NAME);
    }
}
