package io.wrench.command.workorder;

import io.wrench.command.technician.TechnicianDirectory;

import io.wrench.shared.Money;
import io.wrench.command.workorder.messages.OpenWorkOrder;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Ids, events, status histories and fake lookups shared by the work-order tests. */
final class WorkOrderTestData {

    static final WorkOrderId WORK_ORDER = WorkOrderId.of("00000000-0000-0000-0000-00000000a001");
    static final CustomerId CUSTOMER = CustomerId.of("00000000-0000-0000-0000-00000000c001");
    static final CustomerId ARCHIVED_CUSTOMER = CustomerId.of("00000000-0000-0000-0000-00000000c002");
    static final AssetId VAN = AssetId.of("00000000-0000-0000-0000-00000000e001");
    static final AssetId SOMEONE_ELSES_VAN = AssetId.of("00000000-0000-0000-0000-00000000e002");
    static final LineId LABOUR_LINE = LineId.of("00000000-0000-0000-0000-000000001001");
    static final LineId PART_LINE = LineId.of("00000000-0000-0000-0000-000000002001");
    static final LineId OTHER_PART_LINE = LineId.of("00000000-0000-0000-0000-000000002002");
    static final LineId NEW_LINE = LineId.of("00000000-0000-0000-0000-000000003001");
    static final StockItemId BRAKE_PADS = StockItemId.of("00000000-0000-0000-0000-00000000b001");
    static final StockItemId OLD_FILTER = StockItemId.of("00000000-0000-0000-0000-00000000b002");
    static final StockItemId NO_SUCH_ITEM = StockItemId.of("00000000-0000-0000-0000-00000000b999");
    static final UUID INSPECTION = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    static final UUID SCAN = UUID.fromString("00000000-0000-0000-0000-00000000f101");
    static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-00000000d001");

    static final String NUMBER = "WO-2026-000042";
    static final String DESCRIPTION = "Brakes squeal";
    static final String ADVISOR = "advisor-client";
    static final String MANAGER = "manager-client";
    static final String TECHNICIAN = "technician-client";
    static final String TECHNICIAN_NAME = "Demo Technician";
    /** In the directory, but deactivated. */
    static final String RETIRED_TECHNICIAN = "old-timer";
    static final String ANOTHER_TECHNICIAN = "another-technician";
    static final LocalDate OPENED_ON = LocalDate.of(2026, 11, 2);
    static final LocalDate DUE = LocalDate.of(2026, 11, 10);
    /** The first instant the work order opened with {@link #DUE} is overdue. */
    static final Instant OVERDUE_AT = Instant.parse("2026-11-11T00:00:00Z");
    static final Instant OPENED_AT = Instant.parse("2026-11-02T09:00:00Z");

    private WorkOrderTestData() {
    }

    // --- fixtures and fake lookups

    static AggregateTestFixture<WorkOrder> workOrderFixture() {
        AggregateTestFixture<WorkOrder> fixture = new AggregateTestFixture<>(WorkOrder.class);
        fixture.registerInjectableResource(customers());
        fixture.registerInjectableResource((WorkOrderNumbers) year -> "WO-%d-000042".formatted(year));
        fixture.registerInjectableResource(catalog());
        fixture.registerInjectableResource(PricingPolicy.markup(new BigDecimal("0.25")));
        fixture.registerInjectableResource(jobs());
        fixture.registerInjectableResource(directory());
        return fixture;
    }

    private static CustomerEligibility customers() {
        return (customer, asset) -> {
            if (customer.equals(ARCHIVED_CUSTOMER)) {
                throw new WorkOrderRuleViolation(ErrorCode.CUSTOMER_ARCHIVED, "customer " + customer + " is archived");
            }
            if (SOMEONE_ELSES_VAN.equals(asset)) {
                throw new WorkOrderRuleViolation(ErrorCode.ASSET_NOT_OWNED, "asset " + asset + " is not theirs");
            }
        };
    }

    /** The technician directory: two active technicians and one deactivated. */
    private static TechnicianDirectory directory() {
        Map<String, TechnicianDirectory.Entry> technicians = Map.of(
                TECHNICIAN, new TechnicianDirectory.Entry(TECHNICIAN, TECHNICIAN_NAME, true),
                ANOTHER_TECHNICIAN, new TechnicianDirectory.Entry(ANOTHER_TECHNICIAN, "Another Technician", true),
                RETIRED_TECHNICIAN, new TechnicianDirectory.Entry(RETIRED_TECHNICIAN, "Old Timer", false));
        return userId -> Optional.ofNullable(technicians.get(userId));
    }

    private static PartCatalog catalog() {
        Map<StockItemId, PartCatalog.Part> parts = Map.of(
                BRAKE_PADS, new PartCatalog.Part("BP-001", "Brake pads", new BigDecimal("9.99"), false),
                OLD_FILTER, new PartCatalog.Part("OF-007", "Oil filter (old)", new BigDecimal("4.00"), true));
        return itemId -> Optional.ofNullable(parts.get(itemId));
    }

    static final String BRAKE_JOB = "BRAKES-FRONT";
    static final String FIXED_JOB = "OIL-SERVICE";
    static final String RETIRED_JOB = "OLD-JOB";
    static final String STALE_PART_JOB = "STALE-PART";

    /** Catalogue entries for the job tests: brakes (labour and pads), a fixed-price service, two that are refused. */
    private static JobCatalog jobs() {
        var labour = List.of(new io.wrench.shared.catalogue.ServiceLabour("Replace front pads", new BigDecimal("1.5"),
                new BigDecimal("80.00")));
        var pads = List.of(new io.wrench.shared.catalogue.ServicePart(BRAKE_PADS, new BigDecimal("2")));
        Map<String, JobCatalog.Job> jobs = Map.of(
                BRAKE_JOB, new JobCatalog.Job(BRAKE_JOB, 3, "Front brakes", false, labour, pads, null),
                FIXED_JOB, new JobCatalog.Job(FIXED_JOB, 1, "Oil service", false, labour, pads, new BigDecimal("99.00")),
                RETIRED_JOB, new JobCatalog.Job(RETIRED_JOB, 2, "Old job", true, labour, List.of(), null),
                STALE_PART_JOB, new JobCatalog.Job(STALE_PART_JOB, 1, "Stale part", false, labour,
                        List.of(new io.wrench.shared.catalogue.ServicePart(OLD_FILTER, BigDecimal.ONE)), null));
        return code -> Optional.ofNullable(jobs.get(code.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    // --- commands

    static OpenWorkOrder open(LocalDate dueDate) {
        return new OpenWorkOrder(WORK_ORDER, CUSTOMER, VAN, DESCRIPTION, Priority.HIGH, dueDate, OPENED_ON);
    }

    // --- events

    static WorkOrderOpened opened() {
        return opened(null);
    }

    static WorkOrderOpened opened(LocalDate dueDate) {
        return new WorkOrderOpened(WORK_ORDER, NUMBER, CUSTOMER, VAN, DESCRIPTION, Priority.HIGH, dueDate);
    }

    /** 2.5 h at 80.00 = 200.00. */
    static LabourLineAdded labourLine() {
        return new LabourLineAdded(WORK_ORDER, LABOUR_LINE, "Replace brake discs", new BigDecimal("2.5"),
                new BigDecimal("80.00"), Money.line(new BigDecimal("2.5"), new BigDecimal("80.00")));
    }

    static PartLineAdded partLine(LineId lineId, String quantity, String unitPrice) {
        return new PartLineAdded(WORK_ORDER, lineId, BRAKE_PADS, "BP-001", "Brake pads", new BigDecimal(quantity),
                new BigDecimal(unitPrice), Money.line(new BigDecimal(quantity), new BigDecimal(unitPrice)));
    }

    /** 4 at 12.49 = 49.96. */
    static PartLineAdded partLine() {
        return partLine(PART_LINE, "4", "12.49");
    }

    static TechnicianAssigned assigned() {
        return new TechnicianAssigned(WORK_ORDER, TECHNICIAN, TECHNICIAN_NAME);
    }

    static WorkStarted started() {
        return new WorkStarted(WORK_ORDER, TECHNICIAN);
    }

    static InspectionRecorded inspected(InspectionResult result) {
        return new InspectionRecorded(WORK_ORDER, INSPECTION, result, "road test", TECHNICIAN);
    }

    static WorkOrderInvoiced invoicedAt240() {
        return new WorkOrderInvoiced(WORK_ORDER, new BigDecimal("200.00"), new BigDecimal("0.00"),
                new BigDecimal("0.20"), new BigDecimal("40.00"), new BigDecimal("240.00"));
    }

    /**
     * Events that leave the work order in {@code status}, with one labour line (200.00), a technician
     * and a passed inspection wherever the status allows them.
     */
    static List<Object> historyOf(WorkOrderStatus status) {
        return switch (status) {
            case OPEN -> List.of(opened(), labourLine());
            case APPROVED -> plus(historyOf(WorkOrderStatus.OPEN), assigned(),
                    new WorkOrderApproved(WORK_ORDER, MANAGER, new BigDecimal("200.00")));
            case IN_PROGRESS -> plus(historyOf(WorkOrderStatus.APPROVED), started(), inspected(InspectionResult.PASS));
            case ON_HOLD -> plus(historyOf(WorkOrderStatus.IN_PROGRESS), new WorkPutOnHold(WORK_ORDER, "waiting"));
            case COMPLETED -> plus(historyOf(WorkOrderStatus.IN_PROGRESS), new WorkOrderCompleted(WORK_ORDER));
            case INVOICED -> plus(historyOf(WorkOrderStatus.COMPLETED), invoicedAt240());
            case PAID -> plus(historyOf(WorkOrderStatus.INVOICED),
                    new PaymentRecorded(WORK_ORDER, PAYMENT, new BigDecimal("240.00"), PaymentMethod.CARD,
                            new BigDecimal("0.00")),
                    new WorkOrderPaid(WORK_ORDER));
            case CANCELLED -> plus(historyOf(WorkOrderStatus.OPEN), new WorkOrderCancelled(WORK_ORDER, "declined"));
        };
    }

    static List<Object> plus(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return events;
    }

    // --- matchers

    static Matcher<Throwable> violation(ErrorCode code, String message) {
        return violation(code, equalTo(message));
    }

    static Matcher<Throwable> violation(ErrorCode code, Matcher<String> message) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown, Description mismatch) {
                if (!(thrown instanceof io.wrench.command.RuleViolation violation)) {
                    mismatch.appendText("was ").appendValue(thrown);
                    return false;
                }
                if (violation.code() != code || !message.matches(violation.getMessage())) {
                    mismatch.appendText("was ").appendValue(violation.code()).appendText(" ")
                            .appendValue(violation.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation ").appendValue(code).appendText(" with message ")
                        .appendDescriptionOf(message);
            }
        };
    }
}
