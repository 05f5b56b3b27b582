package io.wrench.command.workorder;

import io.wrench.command.workorder.messages.CancelWorkOrder;
import io.wrench.command.workorder.messages.CompleteWorkOrder;
import io.wrench.shared.workorder.WorkOrderBecameOverdue;
import io.wrench.shared.workorder.WorkOrderStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.wrench.command.workorder.WorkOrderTestData.*;

/** The overdue deadline: from the first instant (UTC) of the day after the due date, raised once. */
class WorkOrderOverdueTest {

    private AggregateTestFixture<WorkOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = workOrderFixture();
    }

    /** Events after opening that reach {@code status} (the opening itself is the command, which schedules). */
    private static List<Object> afterOpening(WorkOrderStatus status) {
        List<Object> history = historyOf(status);
        return history.subList(1, history.size());
    }

    @Test
    void opening_with_a_due_date_schedules_the_deadline_at_the_start_of_the_next_day_utc() {
        fixture.givenCurrentTime(OPENED_AT)
                .when(open(DUE))
                .expectScheduledDeadlineWithName(OVERDUE_AT, OverdueDeadline.NAME);
    }

    @Test
    void opening_without_a_due_date_schedules_nothing() {
        fixture.givenCurrentTime(OPENED_AT)
                .when(open(null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void on_the_due_date_itself_the_work_order_is_not_overdue_yet() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(DUE))
                .whenTimeAdvancesTo(OVERDUE_AT.minusMillis(1))
                .expectNoEvents();
    }

    @Test
    void a_work_order_not_finished_when_the_deadline_passes_becomes_overdue() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(DUE))
                .andGiven(afterOpening(WorkOrderStatus.IN_PROGRESS))
                .whenTimeAdvancesTo(OVERDUE_AT)
                .expectTriggeredDeadlinesWithName(OverdueDeadline.NAME)
                .expectEvents(new WorkOrderBecameOverdue(WORK_ORDER, DUE));
    }

    @Test
    void a_work_order_becomes_overdue_only_once() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(DUE))
                .andGiven(new WorkOrderBecameOverdue(WORK_ORDER, DUE))
                .whenTimeAdvancesTo(OVERDUE_AT)
                .expectTriggeredDeadlinesWithName(OverdueDeadline.NAME)
                .expectNoEvents();
    }

    @Test
    void completing_in_time_cancels_the_deadline() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(DUE))
                .andGiven(afterOpening(WorkOrderStatus.IN_PROGRESS))
                .when(new CompleteWorkOrder(WORK_ORDER, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancelling_in_time_cancels_the_deadline() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(DUE))
                .when(new CancelWorkOrder(WORK_ORDER, "declined", null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_work_order_completed_in_time_never_becomes_overdue() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(DUE))
                .andGiven(afterOpening(WorkOrderStatus.IN_PROGRESS))
                .andGivenCommands(new CompleteWorkOrder(WORK_ORDER, null))
                .whenThenTimeElapses(Duration.ofDays(30))
                .expectNoEvents()
                .expectTriggeredDeadlinesWithName();
    }
}
