package io.wrench.command.workorder;

import io.wrench.shared.Money;
import io.wrench.command.workorder.messages.*;
import io.wrench.shared.workorder.*;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.wrench.command.workorder.WorkOrderTestData.*;
import static io.wrench.shared.ErrorCode.*;
import static io.wrench.shared.workorder.InspectionResult.FAIL;
import static io.wrench.shared.workorder.InspectionResult.PASS;
import static io.wrench.shared.workorder.WorkOrderStatus.*;

/** The work-order rules, one test per rule. Lifecycle cells and the overdue deadline have their own tests. */
class WorkOrderTest {

    private AggregateTestFixture<WorkOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = workOrderFixture();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** A completed work order with exactly these lines, ready to be invoiced. */
    private static List<Object> completedWith(Object... lines) {
        List<Object> history = plus(List.of(opened()), lines);
        return plus(history, assigned(), new WorkOrderApproved(WORK_ORDER, MANAGER, money("0.00")), started(),
                inspected(PASS), new WorkOrderCompleted(WORK_ORDER));
    }

    // --- opening

    @Test
    void opening_numbers_the_work_order_in_the_year_it_is_opened_and_records_its_details() {
        fixture.givenNoPriorActivity()
                .when(new OpenWorkOrder(WORK_ORDER, CUSTOMER, VAN, DESCRIPTION, Priority.URGENT,
                        LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 1)))
                .expectEvents(new WorkOrderOpened(WORK_ORDER, "WO-2027-000042", CUSTOMER, VAN, DESCRIPTION,
                        Priority.URGENT, LocalDate.of(2027, 1, 15)));
    }

    @Test
    void priority_defaults_to_normal_and_asset_and_due_date_are_optional() {
        fixture.givenNoPriorActivity()
                .when(new OpenWorkOrder(WORK_ORDER, CUSTOMER, null, DESCRIPTION, null, null, OPENED_ON))
                .expectEvents(new WorkOrderOpened(WORK_ORDER, NUMBER, CUSTOMER, null, DESCRIPTION, Priority.NORMAL,
                        null));
    }

    @Test
    void a_customer_who_may_not_get_a_work_order_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenWorkOrder(WORK_ORDER, ARCHIVED_CUSTOMER, null, DESCRIPTION, null, null, OPENED_ON))
                .expectNoEvents()
                .expectException(violation(CUSTOMER_ARCHIVED, "customer " + ARCHIVED_CUSTOMER + " is archived"));
    }

    @Test
    void an_asset_of_another_customer_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenWorkOrder(WORK_ORDER, CUSTOMER, SOMEONE_ELSES_VAN, DESCRIPTION, null, null, OPENED_ON))
                .expectNoEvents()
                .expectException(violation(ASSET_NOT_OWNED, "asset " + SOMEONE_ELSES_VAN + " is not theirs"));
    }

    @Test
    void a_due_date_before_the_opening_date_is_refused() {
        fixture.givenNoPriorActivity()
                .when(open(OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "dueDate 2026-11-01 is before the opening date 2026-11-02"));
    }

    @Test
    void a_work_order_needs_a_description() {
        fixture.givenNoPriorActivity()
                .when(new OpenWorkOrder(WORK_ORDER, CUSTOMER, VAN, " ", null, null, OPENED_ON))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "description must not be blank"));
    }

    // --- lines

    @Test
    void a_labour_line_is_added() {
        fixture.given(opened())
                .when(new AddLabourLine(WORK_ORDER, LABOUR_LINE, "Diagnose", money("1.5"), money("0"), null))
                .expectEvents(new LabourLineAdded(WORK_ORDER, LABOUR_LINE, "Diagnose", money("1.5"), money("0"), money("0.00")));
    }

    @Test
    void labour_hours_must_be_more_than_zero() {
        fixture.given(opened())
                .when(new AddLabourLine(WORK_ORDER, LABOUR_LINE, "Diagnose", money("0"), money("80"), null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "hours must be greater than zero, was 0"));
    }

    @Test
    void an_hourly_rate_must_not_be_negative() {
        fixture.given(opened())
                .when(new AddLabourLine(WORK_ORDER, LABOUR_LINE, "Diagnose", money("1"), money("-1"), null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "hourlyRate must not be negative, was -1"));
    }

    @Test
    void a_part_line_takes_the_given_price_and_copies_sku_and_name_from_the_catalogue() {
        fixture.given(opened())
                .when(new AddPartLine(WORK_ORDER, PART_LINE, BRAKE_PADS, money("2"), money("15.00"), null))
                .expectEvents(partLine(PART_LINE, "2", "15.00"));
    }

    @Test
    void a_part_line_without_a_price_costs_the_unit_cost_plus_markup_rounded_to_cents() {
        // 9.99 * 1.25 = 12.4875
        fixture.given(opened())
                .when(new AddPartLine(WORK_ORDER, PART_LINE, BRAKE_PADS, money("4"), null, null))
                .expectEvents(partLine(PART_LINE, "4", "12.49"));
    }

    @Test
    void a_part_quantity_must_be_more_than_zero() {
        fixture.given(opened())
                .when(new AddPartLine(WORK_ORDER, PART_LINE, BRAKE_PADS, money("0"), null, null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "quantity must be greater than zero, was 0"));
    }

    @Test
    void an_unknown_item_is_refused() {
        fixture.given(opened())
                .when(new AddPartLine(WORK_ORDER, PART_LINE, NO_SUCH_ITEM, money("1"), null, null))
                .expectNoEvents()
                .expectException(violation(UNKNOWN_ITEM, "no stock item " + NO_SUCH_ITEM));
    }

    @Test
    void a_discontinued_item_is_refused() {
        fixture.given(opened())
                .when(new AddPartLine(WORK_ORDER, PART_LINE, OLD_FILTER, money("1"), null, null))
                .expectNoEvents()
                .expectException(violation(ITEM_DISCONTINUED, "stock item OF-007 is discontinued"));
    }

    @Test
    void a_line_id_is_used_only_once() {
        fixture.given(opened(), partLine())
                .when(new AddLabourLine(WORK_ORDER, PART_LINE, "Diagnose", money("1"), money("80"), null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "line " + PART_LINE + " already exists on this work order"));
    }

    @Test
    void a_line_is_removed() {
        fixture.given(opened(), labourLine(), partLine())
                .when(new RemoveLine(WORK_ORDER, PART_LINE, null))
                .expectEvents(new LineRemoved(WORK_ORDER, PART_LINE));
    }

    @Test
    void removing_a_line_that_is_not_there_is_refused() {
        fixture.given(opened(), labourLine())
                .when(new RemoveLine(WORK_ORDER, NEW_LINE, null))
                .expectNoEvents()
                .expectException(violation(LINE_NOT_FOUND, "no line " + NEW_LINE + " on this work order"));
    }

    @Test
    void a_removed_part_line_cannot_be_removed_again() {
        fixture.given(opened(), partLine(), new LineRemoved(WORK_ORDER, PART_LINE))
                .when(new RemoveLine(WORK_ORDER, PART_LINE, null))
                .expectNoEvents()
                .expectException(violation(LINE_NOT_FOUND, "no line " + PART_LINE + " on this work order"));
    }

    // --- approval, technician, work

    @Test
    void approval_records_the_approver_and_the_total_before_tax_of_the_lines_still_charged() {
        fixture.given(opened(), labourLine(), partLine(),
                        partLine(OTHER_PART_LINE, "1", "99.00"), new PartLineReleased(WORK_ORDER, OTHER_PART_LINE))
                .when(new ApproveWorkOrder(WORK_ORDER, MANAGER, null))
                .expectEvents(new WorkOrderApproved(WORK_ORDER, MANAGER, money("249.96")));
    }

    @Test
    void work_starts_when_approved_and_a_technician_is_assigned() {
        fixture.given(historyOf(APPROVED))
                .when(new StartWork(WORK_ORDER, TECHNICIAN, null))
                .expectEvents(new WorkStarted(WORK_ORDER, TECHNICIAN));
    }

    @Test
    void a_technician_is_assigned_by_user_id_with_the_directory_s_display_name() {
        fixture.given(opened())
                .when(new AssignTechnician(WORK_ORDER, TECHNICIAN, null))
                .expectEvents(new TechnicianAssigned(WORK_ORDER, TECHNICIAN, TECHNICIAN_NAME));
    }

    @Test
    void a_user_id_the_directory_does_not_know_is_not_assigned() {
        fixture.given(opened())
                .when(new AssignTechnician(WORK_ORDER, "Ted the technician", null))
                .expectNoEvents()
                .expectException(violation(UNKNOWN_TECHNICIAN,
                        "no technician with user id Ted the technician in the directory"));
    }

    @Test
    void an_inactive_technician_is_not_assigned() {
        fixture.given(opened(), assigned())
                .when(new AssignTechnician(WORK_ORDER, RETIRED_TECHNICIAN, null))
                .expectNoEvents()
                .expectException(violation(TECHNICIAN_INACTIVE, "technician old-timer (Old Timer) is inactive"));
    }

    @Test
    void work_does_not_start_without_a_technician() {
        fixture.given(opened(), new WorkOrderApproved(WORK_ORDER, MANAGER, money("0.00")))
                .when(new StartWork(WORK_ORDER, TECHNICIAN, null))
                .expectNoEvents()
                .expectException(violation(TECHNICIAN_REQUIRED, "cannot start: no technician assigned"));
    }

    @Test
    void work_is_put_on_hold_with_a_reason() {
        fixture.given(historyOf(IN_PROGRESS))
                .when(new HoldWork(WORK_ORDER, "waiting for the customer", null))
                .expectEvents(new WorkPutOnHold(WORK_ORDER, "waiting for the customer"));
    }

    @Test
    void held_work_resumes() {
        fixture.given(historyOf(ON_HOLD))
                .when(new ResumeWork(WORK_ORDER, null))
                .expectEvents(new WorkResumed(WORK_ORDER));
    }

    @Test
    void a_technician_records_progress_scans() {
        fixture.given(historyOf(IN_PROGRESS))
                .when(new RecordScan(WORK_ORDER, SCAN, "disassembly", "pads worn to 2 mm", TECHNICIAN, null))
                .expectEvents(new ProgressScanned(WORK_ORDER, SCAN, "disassembly", "pads worn to 2 mm", TECHNICIAN));
    }

    @Test
    void an_inspection_is_recorded() {
        fixture.given(historyOf(IN_PROGRESS))
                .when(new RecordInspection(WORK_ORDER, INSPECTION, FAIL, "noise remains", MANAGER, null))
                .expectEvents(new InspectionRecorded(WORK_ORDER, INSPECTION, FAIL, "noise remains", MANAGER));
    }

    // --- completion

    @Test
    void completion_needs_an_inspection() {
        fixture.given(opened(), assigned(), new WorkOrderApproved(WORK_ORDER, MANAGER, money("0.00")), started())
                .when(new CompleteWorkOrder(WORK_ORDER, null))
                .expectNoEvents()
                .expectException(violation(INSPECTION_NOT_PASSED, "cannot complete: no inspection recorded yet"));
    }

    @Test
    void completion_needs_the_latest_inspection_to_pass() {
        fixture.given(plus(historyOf(IN_PROGRESS), inspected(FAIL)))
                .when(new CompleteWorkOrder(WORK_ORDER, null))
                .expectNoEvents()
                .expectException(violation(INSPECTION_NOT_PASSED,
                        "cannot complete: the latest inspection is FAIL, it must be PASS"));
    }

    @Test
    void a_failed_inspection_followed_by_a_pass_allows_completion() {
        fixture.given(plus(historyOf(IN_PROGRESS), inspected(FAIL), inspected(PASS)))
                .when(new CompleteWorkOrder(WORK_ORDER, null))
                .expectEvents(new WorkOrderCompleted(WORK_ORDER));
    }

    @Test
    void completion_waits_for_a_part_line_inventory_has_not_answered_yet() {
        fixture.given(plus(historyOf(IN_PROGRESS), partLine()))
                .when(new CompleteWorkOrder(WORK_ORDER, null))
                .expectNoEvents()
                .expectException(violation(PARTS_BACKORDERED,
                        "cannot complete: 1 part line(s) still PENDING or BACKORDERED"));
    }

    @Test
    void completion_waits_for_a_backordered_part_line() {
        fixture.given(plus(historyOf(IN_PROGRESS), partLine(), new PartLineBackordered(WORK_ORDER, PART_LINE)))
                .when(new CompleteWorkOrder(WORK_ORDER, null))
                .expectNoEvents()
                .expectException(violation(PARTS_BACKORDERED,
                        "cannot complete: 1 part line(s) still PENDING or BACKORDERED"));
    }

    @Test
    void reserved_released_and_removed_part_lines_do_not_hold_up_completion() {
        fixture.given(plus(historyOf(IN_PROGRESS),
                        partLine(), new PartLineReserved(WORK_ORDER, PART_LINE),
                        partLine(OTHER_PART_LINE, "1", "5.00"), new PartLineReleased(WORK_ORDER, OTHER_PART_LINE),
                        partLine(NEW_LINE, "1", "5.00"), new PartLineBackordered(WORK_ORDER, NEW_LINE),
                        new LineRemoved(WORK_ORDER, NEW_LINE)))
                .when(new CompleteWorkOrder(WORK_ORDER, null))
                .expectEvents(new WorkOrderCompleted(WORK_ORDER));
    }

    // --- invoicing and payment

    @Test
    void invoicing_rounds_each_line_to_cents_sums_them_and_rounds_the_tax_once() {
        // labour 1.5 * 33.33 = 49.995 -> 50.00 and 0.5 * 33.33 = 16.665 -> 16.67; parts 3 * 3.335 = 10.005 -> 10.01
        // tax (66.67 + 10.01) * 0.19 = 14.5692 -> 14.57
        fixture.given(completedWith(
                        new LabourLineAdded(WORK_ORDER, LABOUR_LINE, "A", money("1.5"), money("33.33"), Money.line(money("1.5"), money("33.33"))),
                        new LabourLineAdded(WORK_ORDER, NEW_LINE, "B", money("0.5"), money("33.33"), Money.line(money("0.5"), money("33.33"))),
                        partLine(PART_LINE, "3", "3.335"), new PartLineReserved(WORK_ORDER, PART_LINE)))
                .when(new InvoiceWorkOrder(WORK_ORDER, money("0.19"), null))
                .expectEvents(new WorkOrderInvoiced(WORK_ORDER, money("66.67"), money("10.01"), money("0.19"),
                        money("14.57"), money("91.25")));
    }

    @Test
    void released_and_removed_part_lines_are_not_invoiced() {
        fixture.given(completedWith(labourLine(),
                        partLine(), new PartLineReleased(WORK_ORDER, PART_LINE),
                        partLine(OTHER_PART_LINE, "1", "5.00"), new LineRemoved(WORK_ORDER, OTHER_PART_LINE)))
                .when(new InvoiceWorkOrder(WORK_ORDER, money("0.20"), null))
                .expectEvents(invoicedAt240());
    }

    @Test
    void a_work_order_invoiced_at_zero_is_paid_at_once() {
        fixture.given(completedWith())
                .when(new InvoiceWorkOrder(WORK_ORDER, money("0.20"), null))
                .expectEvents(new WorkOrderInvoiced(WORK_ORDER, money("0.00"), money("0.00"), money("0.20"),
                                money("0.00"), money("0.00")),
                        new WorkOrderPaid(WORK_ORDER));
    }

    @Test
    void a_tax_rate_must_not_be_negative() {
        fixture.given(historyOf(COMPLETED))
                .when(new InvoiceWorkOrder(WORK_ORDER, money("-0.1"), null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "taxRate must not be negative, was -0.1"));
    }

    @Test
    void a_payment_reduces_the_balance() {
        fixture.given(historyOf(INVOICED))
                .when(new RecordPayment(WORK_ORDER, PAYMENT, money("100.00"), PaymentMethod.CASH, null))
                .expectEvents(new PaymentRecorded(WORK_ORDER, PAYMENT, money("100.00"), PaymentMethod.CASH,
                        money("140.00")));
    }

    @Test
    void the_payment_that_clears_the_balance_makes_the_work_order_paid() {
        fixture.given(plus(historyOf(INVOICED), new PaymentRecorded(WORK_ORDER, PAYMENT, money("100.00"),
                        PaymentMethod.CASH, money("140.00"))))
                .when(new RecordPayment(WORK_ORDER, PAYMENT, money("140.00"), PaymentMethod.CARD, null))
                .expectEvents(new PaymentRecorded(WORK_ORDER, PAYMENT, money("140.00"), PaymentMethod.CARD,
                                money("0.00")),
                        new WorkOrderPaid(WORK_ORDER));
    }

    @Test
    void paying_more_than_the_balance_is_refused_naming_the_balance() {
        fixture.given(historyOf(INVOICED))
                .when(new RecordPayment(WORK_ORDER, PAYMENT, money("240.01"), PaymentMethod.CASH, null))
                .expectNoEvents()
                .expectException(violation(OVERPAYMENT, "payment of 240.01 exceeds the balance of 240.00"));
    }

    @Test
    void a_payment_must_be_more_than_zero() {
        fixture.given(historyOf(INVOICED))
                .when(new RecordPayment(WORK_ORDER, PAYMENT, money("0.00"), PaymentMethod.CASH, null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "amount must be greater than zero, was 0.00"));
    }

    @Test
    void a_payment_is_in_whole_cents() {
        fixture.given(historyOf(INVOICED))
                .when(new RecordPayment(WORK_ORDER, PAYMENT, money("10.005"), PaymentMethod.CASH, null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, "amount must not have more than 2 decimals"));
    }

    // --- cancellation, state, version

    @Test
    void cancelling_records_the_reason() {
        fixture.given(historyOf(ON_HOLD))
                .when(new CancelWorkOrder(WORK_ORDER, "customer withdrew", null))
                .expectEvents(new WorkOrderCancelled(WORK_ORDER, "customer withdrew"));
    }

    @Test
    void an_action_in_the_wrong_state_is_refused_naming_the_current_state() {
        fixture.given(historyOf(COMPLETED))
                .when(new ApproveWorkOrder(WORK_ORDER, MANAGER, null))
                .expectNoEvents()
                .expectException(violation(ILLEGAL_STATE, "cannot approve a work order that is COMPLETED"));
    }

    @Test
    void a_command_for_a_version_that_is_no_longer_current_is_refused() {
        fixture.given(historyOf(OPEN))
                .when(new ApproveWorkOrder(WORK_ORDER, MANAGER, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void a_command_for_the_current_version_is_accepted() {
        fixture.given(historyOf(OPEN))
                .when(new ApproveWorkOrder(WORK_ORDER, MANAGER, 1L))
                .expectEvents(new WorkOrderApproved(WORK_ORDER, MANAGER, money("200.00")));
    }

    // --- inventory's answers, recorded by the parts process

    @Test
    void a_reservation_marks_a_pending_line_reserved() {
        fixture.given(opened(), partLine())
                .when(new MarkPartLineReserved(WORK_ORDER, PART_LINE))
                .expectEvents(new PartLineReserved(WORK_ORDER, PART_LINE));
    }

    @Test
    void a_backorder_marks_a_pending_line_backordered() {
        fixture.given(opened(), partLine())
                .when(new MarkPartLineBackordered(WORK_ORDER, PART_LINE))
                .expectEvents(new PartLineBackordered(WORK_ORDER, PART_LINE));
    }

    @Test
    void a_filled_backorder_marks_the_line_reserved() {
        fixture.given(opened(), partLine(), new PartLineBackordered(WORK_ORDER, PART_LINE))
                .when(new MarkPartLineReserved(WORK_ORDER, PART_LINE))
                .expectEvents(new PartLineReserved(WORK_ORDER, PART_LINE));
    }

    @Test
    void a_repeated_answer_records_nothing() {
        fixture.given(opened(), partLine(), new PartLineReserved(WORK_ORDER, PART_LINE))
                .when(new MarkPartLineReserved(WORK_ORDER, PART_LINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_backorder_arriving_after_the_reservation_records_nothing() {
        fixture.given(opened(), partLine(), new PartLineReserved(WORK_ORDER, PART_LINE))
                .when(new MarkPartLineBackordered(WORK_ORDER, PART_LINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_late_reservation_does_not_bring_back_a_removed_line() {
        fixture.given(opened(), partLine(), new LineRemoved(WORK_ORDER, PART_LINE))
                .when(new MarkPartLineReserved(WORK_ORDER, PART_LINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_late_reservation_does_not_reserve_for_a_cancelled_work_order() {
        fixture.given(opened(), partLine(), new PartLineBackordered(WORK_ORDER, PART_LINE),
                        new WorkOrderCancelled(WORK_ORDER, "declined"))
                .when(new MarkPartLineReserved(WORK_ORDER, PART_LINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_released_line_stays_released() {
        fixture.given(opened(), partLine(), new PartLineReleased(WORK_ORDER, PART_LINE))
                .when(new MarkPartLineReserved(WORK_ORDER, PART_LINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_release_of_a_removed_line_is_recorded() {
        fixture.given(opened(), partLine(), new PartLineReserved(WORK_ORDER, PART_LINE),
                        new LineRemoved(WORK_ORDER, PART_LINE))
                .when(new MarkPartLineReleased(WORK_ORDER, PART_LINE))
                .expectEvents(new PartLineReleased(WORK_ORDER, PART_LINE));
    }

    @Test
    void the_release_for_a_cancelled_work_order_is_recorded() {
        fixture.given(opened(), partLine(), new PartLineBackordered(WORK_ORDER, PART_LINE),
                        new WorkOrderCancelled(WORK_ORDER, "declined"))
                .when(new MarkPartLineReleased(WORK_ORDER, PART_LINE))
                .expectEvents(new PartLineReleased(WORK_ORDER, PART_LINE));
    }

    @Test
    void issued_stock_marks_a_reserved_line_issued_once() {
        fixture.given(plus(historyOf(COMPLETED), partLine(), new PartLineReserved(WORK_ORDER, PART_LINE)))
                .andGivenCommands(new MarkPartLineIssued(WORK_ORDER, PART_LINE))
                .when(new MarkPartLineIssued(WORK_ORDER, PART_LINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void issued_stock_is_recorded_after_completion() {
        fixture.given(opened(), partLine(), new PartLineReserved(WORK_ORDER, PART_LINE),
                        new WorkOrderCompleted(WORK_ORDER))
                .when(new MarkPartLineIssued(WORK_ORDER, PART_LINE))
                .expectEvents(new PartLineIssued(WORK_ORDER, PART_LINE));
    }

    @Test
    void an_answer_about_a_line_that_is_not_there_records_nothing() {
        fixture.given(opened(), labourLine())
                .when(new MarkPartLineReserved(WORK_ORDER, LABOUR_LINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
