package io.wrench.command.workorder;

import org.axonframework.deadline.DeadlineManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A work order is overdue from the first instant (UTC) of the day after its due date. */
final class OverdueDeadline {

    static final String NAME = "work-order-overdue";

    private OverdueDeadline() {
    }

    static Instant dueAt(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static void schedule(DeadlineManager deadlines, LocalDate dueDate) {
        if (dueDate != null) {
            deadlines.schedule(dueAt(dueDate), NAME);
        }
    }

    static void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(NAME);
    }
}
