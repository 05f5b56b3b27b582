package io.wrench.command.workorder;

import io.wrench.command.workorder.messages.ApplyJob;
import io.wrench.shared.Money;
import io.wrench.shared.workorder.JobApplied;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.WorkOrderCompleted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static io.wrench.command.workorder.WorkOrderTestData.*;
import static io.wrench.shared.ErrorCode.*;

/** Applying a catalogue entry to a work order: one rule per test. */
class WorkOrderJobTest {

    private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-0000000a0b01");
    private AggregateTestFixture<WorkOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = workOrderFixture();
    }

    private static LineId line(int position) {
        return JobLines.lineId(JOB, position);
    }

    @Test
    void a_job_adds_its_labour_and_part_lines_and_records_the_revision_it_applied() {
        fixture.given(opened())
                .when(new ApplyJob(WORK_ORDER, JOB, "brakes-front", null))
                .expectEvents(
                        new JobApplied(WORK_ORDER, JOB, BRAKE_JOB, 3, "Front brakes", List.of(line(0), line(1))),
                        new LabourLineAdded(WORK_ORDER, line(0), "Replace front pads", new BigDecimal("1.5"),
                                new BigDecimal("80.00"), new BigDecimal("120.00")),
                        // no price on the entry: the catalogue's cost-based price, as a part line added by hand
                        new PartLineAdded(WORK_ORDER, line(1), BRAKE_PADS, "BP-001", "Brake pads", new BigDecimal("2"),
                                new BigDecimal("12.49"), new BigDecimal("24.98")));
    }

    @Test
    void a_fixed_price_job_is_one_line_at_that_price_and_its_parts_cost_nothing_more() {
        fixture.given(opened())
                .when(new ApplyJob(WORK_ORDER, JOB, FIXED_JOB, null))
                .expectEvents(
                        new JobApplied(WORK_ORDER, JOB, FIXED_JOB, 1, "Oil service", List.of(line(0), line(1))),
                        new LabourLineAdded(WORK_ORDER, line(0), "Oil service", BigDecimal.ONE, new BigDecimal("99.00"),
                                Money.line(BigDecimal.ONE, new BigDecimal("99.00"))),
                        new PartLineAdded(WORK_ORDER, line(1), BRAKE_PADS, "BP-001", "Brake pads", new BigDecimal("2"),
                                new BigDecimal("0.00"), new BigDecimal("0.00")));
    }

    @Test
    void a_retired_entry_adds_nothing() {
        fixture.given(opened())
                .when(new ApplyJob(WORK_ORDER, JOB, RETIRED_JOB, null))
                .expectNoEvents()
                .expectException(violation(SERVICE_RETIRED, "catalogue entry OLD-JOB is retired"));
    }

    @Test
    void a_discontinued_part_refuses_the_whole_job_not_just_its_line() {
        fixture.given(opened())
                .when(new ApplyJob(WORK_ORDER, JOB, STALE_PART_JOB, null))
                .expectNoEvents()
                .expectException(violation(ITEM_DISCONTINUED, "stock item OF-007 is discontinued"));
    }

    @Test
    void an_unknown_code_is_refused() {
        fixture.given(opened())
                .when(new ApplyJob(WORK_ORDER, JOB, "NOPE", null))
                .expectNoEvents()
                .expectException(violation(UNKNOWN_SERVICE, "no catalogue entry NOPE"));
    }

    @Test
    void a_completed_work_order_takes_no_job() {
        fixture.given(historyOf(io.wrench.shared.workorder.WorkOrderStatus.COMPLETED))
                .when(new ApplyJob(WORK_ORDER, JOB, BRAKE_JOB, null))
                .expectNoEvents()
                .expectException(violation(ILLEGAL_STATE, org.hamcrest.Matchers.containsString("COMPLETED")));
    }

    @Test
    void the_same_job_id_twice_is_refused() {
        fixture.given(opened(), new JobApplied(WORK_ORDER, JOB, BRAKE_JOB, 3, "Front brakes", List.of(line(0))),
                        new LabourLineAdded(WORK_ORDER, line(0), "Replace front pads", new BigDecimal("1.5"),
                                new BigDecimal("80.00"), new BigDecimal("120.00")))
                .when(new ApplyJob(WORK_ORDER, JOB, BRAKE_JOB, null))
                .expectNoEvents()
                .expectException(violation(INVALID_INPUT, org.hamcrest.Matchers.containsString("already exists")));
    }
}
