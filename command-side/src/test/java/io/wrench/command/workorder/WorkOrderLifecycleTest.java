package io.wrench.command.workorder;

import io.wrench.command.workorder.Lifecycle.Action;
import io.wrench.command.workorder.messages.*;
import io.wrench.shared.workorder.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.wrench.command.workorder.WorkOrderTestData.*;
import static io.wrench.shared.ErrorCode.ILLEGAL_STATE;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every cell of the lifecycle table, driven through the aggregate: an allowed action produces its
 * event, a refused client action is ILLEGAL_STATE naming the status, and the two actions that are
 * not commands from a client (inventory's answers, the overdue deadline) record nothing instead.
 * The expected table is written out here on purpose, independently of {@link Lifecycle}.
 */
class WorkOrderLifecycleTest {

    private static final String EXPECTED = """
                                OPEN  APPROVED  IN_PROGRESS  ON_HOLD  COMPLETED  INVOICED  PAID  CANCELLED
            ADD_LINE             +       +           +          +         -          -       -       -
            REMOVE_LINE          +       +           +          +         -          -       -       -
            ASSIGN               +       +           +          +         -          -       -       -
            APPROVE              +       -           -          -         -          -       -       -
            START                -       +           -          -         -          -       -       -
            HOLD                 -       -           +          -         -          -       -       -
            RESUME               -       -           -          +         -          -       -       -
            SCAN                 -       -           +          -         -          -       -       -
            INSPECT              -       -           +          -         -          -       -       -
            COMPLETE             -       -           +          -         -          -       -       -
            INVOICE              -       -           -          -         +          -       -       -
            PAY                  -       -           -          -         -          +       -       -
            CANCEL               +       +           +          +         -          -       -       -
            RECORD_RESERVATION   +       +           +          +         -          -       -       -
            BECOME_OVERDUE       +       +           +          +         -          -       -       -
            """;

    /** What a client sends for each action, and the event it produces when allowed. */
    private static final Map<Action, Object> COMMANDS = Map.ofEntries(
            entry(Action.ADD_LINE, new AddLabourLine(WORK_ORDER, NEW_LINE, "Extra", BigDecimal.ONE, BigDecimal.TEN, null)),
            entry(Action.REMOVE_LINE, new RemoveLine(WORK_ORDER, LABOUR_LINE, null)),
            entry(Action.ASSIGN, new AssignTechnician(WORK_ORDER, ANOTHER_TECHNICIAN, null)),
            entry(Action.APPROVE, new ApproveWorkOrder(WORK_ORDER, MANAGER, null)),
            entry(Action.START, new StartWork(WORK_ORDER, TECHNICIAN, null)),
            entry(Action.HOLD, new HoldWork(WORK_ORDER, "waiting for parts", null)),
            entry(Action.RESUME, new ResumeWork(WORK_ORDER, null)),
            entry(Action.SCAN, new RecordScan(WORK_ORDER, SCAN, "reassembly", null, TECHNICIAN, null)),
            entry(Action.INSPECT, new RecordInspection(WORK_ORDER, INSPECTION, InspectionResult.PASS, null, MANAGER, null)),
            entry(Action.COMPLETE, new CompleteWorkOrder(WORK_ORDER, null)),
            entry(Action.INVOICE, new InvoiceWorkOrder(WORK_ORDER, new BigDecimal("0.20"), null)),
            entry(Action.PAY, new RecordPayment(WORK_ORDER, PAYMENT, BigDecimal.TEN, PaymentMethod.CASH, null)),
            entry(Action.CANCEL, new CancelWorkOrder(WORK_ORDER, "declined", null)));

    private static final Map<Action, Class<?>> EVENTS = Map.ofEntries(
            entry(Action.ADD_LINE, LabourLineAdded.class),
            entry(Action.REMOVE_LINE, LineRemoved.class),
            entry(Action.ASSIGN, TechnicianAssigned.class),
            entry(Action.APPROVE, WorkOrderApproved.class),
            entry(Action.START, WorkStarted.class),
            entry(Action.HOLD, WorkPutOnHold.class),
            entry(Action.RESUME, WorkResumed.class),
            entry(Action.SCAN, ProgressScanned.class),
            entry(Action.INSPECT, InspectionRecorded.class),
            entry(Action.COMPLETE, WorkOrderCompleted.class),
            entry(Action.INVOICE, WorkOrderInvoiced.class),
            entry(Action.PAY, PaymentRecorded.class),
            entry(Action.CANCEL, WorkOrderCancelled.class));

    static Stream<Arguments> cells() {
        List<String> rows = EXPECTED.lines().filter(line -> !line.isBlank()).toList();
        List<WorkOrderStatus> columns = Arrays.stream(rows.get(0).trim().split("\\s+"))
                .map(WorkOrderStatus::valueOf).toList();
        List<Arguments> cells = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] marks = row.trim().split("\\s+");
            for (int column = 0; column < columns.size(); column++) {
                cells.add(Arguments.of(Action.valueOf(marks[0]), columns.get(column), marks[column + 1].equals("+")));
            }
        }
        return cells.stream();
    }

    @Test
    void the_expected_table_has_every_action_and_every_status() {
        assertThat(cells().map(cell -> cell.get()[0]).distinct()).containsExactlyInAnyOrder((Object[]) Action.values());
        assertThat(cells().map(cell -> cell.get()[1]).distinct())
                .containsExactlyInAnyOrder((Object[]) WorkOrderStatus.values());
        assertThat(cells()).hasSize(Action.values().length * WorkOrderStatus.values().length);
    }

    @ParameterizedTest(name = "{0} in {1}: allowed = {2}")
    @MethodSource("cells")
    void every_action_in_every_status(Action action, WorkOrderStatus status, boolean allowed) {
        AggregateTestFixture<WorkOrder> fixture = workOrderFixture();
        switch (action) {
            case RECORD_RESERVATION -> expectReservationRecorded(fixture, status, allowed);
            case BECOME_OVERDUE -> expectOverdue(fixture, status, allowed);
            default -> expectClientAction(fixture, action, status, allowed);
        }
    }

    private static void expectClientAction(AggregateTestFixture<WorkOrder> fixture, Action action,
                                           WorkOrderStatus status, boolean allowed) {
        ResultValidator<WorkOrder> result = fixture.given(historyOf(status)).when(COMMANDS.get(action));
        if (allowed) {
            result.expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(EVENTS.get(action)), andNoMore())));
        } else {
            result.expectNoEvents().expectException(violation(ILLEGAL_STATE,
                    allOf(startsWith("cannot "), endsWith(" a work order that is " + status))));
        }
    }

    /** A part line still waiting for inventory's answer, whatever the status. */
    private static void expectReservationRecorded(AggregateTestFixture<WorkOrder> fixture, WorkOrderStatus status,
                                                  boolean allowed) {
        ResultValidator<WorkOrder> result = fixture.given(plus(historyOf(status), partLine()))
                .when(new MarkPartLineReserved(WORK_ORDER, PART_LINE))
                .expectSuccessfulHandlerExecution();
        if (allowed) {
            result.expectEvents(new PartLineReserved(WORK_ORDER, PART_LINE));
        } else {
            result.expectNoEvents();
        }
    }

    /** The deadline is scheduled by opening and fires even when the status was reached without cancelling it. */
    private static void expectOverdue(AggregateTestFixture<WorkOrder> fixture, WorkOrderStatus status,
                                      boolean allowed) {
        List<Object> afterOpening = historyOf(status).subList(1, historyOf(status).size());
        ResultValidator<WorkOrder> result = fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(DUE))
                .andGiven(afterOpening)
                .whenTimeAdvancesTo(OVERDUE_AT)
                .expectTriggeredDeadlinesWithName(OverdueDeadline.NAME);
        if (allowed) {
            result.expectEvents(new WorkOrderBecameOverdue(WORK_ORDER, DUE));
        } else {
            result.expectNoEvents();
        }
    }
}
