package io.wrench.query.workorder;

import io.wrench.shared.Money;
import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import io.wrench.query.Pages;
import io.wrench.query.ProjectionFeed;
import io.wrench.shared.technician.TechnicianId;
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import io.wrench.query.ProjectionFeeds;
import io.wrench.query.ProjectionTest;
import io.wrench.query.workorder.messages.FindWorkOrder;
import io.wrench.query.workorder.messages.FindWorkOrders;
import io.wrench.query.workorder.messages.WorkOrderDetails;
import io.wrench.query.workorder.messages.WorkOrderSummary;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetKind;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.InspectionRecorded;
import io.wrench.shared.workorder.InspectionResult;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.PartLineBackordered;
import io.wrench.shared.workorder.PartLineIssued;
import io.wrench.shared.workorder.PartLineReleased;
import io.wrench.shared.workorder.PartLineReserved;
import io.wrench.shared.workorder.PartLineStatus;
import io.wrench.shared.workorder.PaymentMethod;
import io.wrench.shared.workorder.PaymentRecorded;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.ProgressScanned;
import io.wrench.shared.workorder.TechnicianAssigned;
import io.wrench.shared.workorder.WorkOrderApproved;
import io.wrench.shared.workorder.WorkOrderBecameOverdue;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import io.wrench.shared.workorder.WorkOrderOpened;
import io.wrench.shared.workorder.WorkOrderPaid;
import io.wrench.shared.workorder.WorkOrderStatus;
import io.wrench.shared.workorder.WorkPutOnHold;
import io.wrench.shared.workorder.WorkResumed;
import io.wrench.shared.workorder.WorkStarted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.wrench.shared.workorder.WorkOrderStatus.APPROVED;
import static io.wrench.shared.workorder.WorkOrderStatus.CANCELLED;
import static io.wrench.shared.workorder.WorkOrderStatus.COMPLETED;
import static io.wrench.shared.workorder.WorkOrderStatus.INVOICED;
import static io.wrench.shared.workorder.WorkOrderStatus.IN_PROGRESS;
import static io.wrench.shared.workorder.WorkOrderStatus.ON_HOLD;
import static io.wrench.shared.workorder.WorkOrderStatus.OPEN;
import static io.wrench.shared.workorder.WorkOrderStatus.PAID;
import static org.assertj.core.api.Assertions.assertThat;

@ProjectionTest
@Import(WorkOrderQueries.class)
class WorkOrderProjectionTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    private final WorkOrderProjection projection;
    private final WorkOrderQueries queries;
    private final ProjectionFeed feed;
    private final CustomerId ada = CustomerId.random();
    private final AssetId car = AssetId.random();
    private final WorkOrderId workOrder = WorkOrderId.random();

    WorkOrderProjectionTest(@Autowired WorkOrderProjection projection, @Autowired WorkOrderQueries queries,
                            @Autowired ProjectionFeeds feeds) {
        this.projection = projection;
        this.queries = queries;
        this.feed = feeds.feed(projection);
    }

    @BeforeEach
    void adaAndHerCar() {
        feed.publish(new CustomerRegistered(ada, "Ada Lovelace", "ada@example.com", null, null));
        feed.publish(new AssetRegistered(ada, car, AssetKind.VEHICLE, "Volvo", "V70", 2004, "YV1SW61R041234567", null,
                "AB12 CDE", 215_000L));
    }

    // --- opening

    @Test
    void openedWorkOrderShowsWhatWasOpenedWithTheCustomersNameAndAsset() {
        DomainEventMessage<?> opened = feed.publish(new WorkOrderOpened(workOrder, "WO-2026-000001", ada, car,
                "Noise from the front axle", Priority.HIGH, DUE));

        WorkOrderDetails.Totals nothing = totals("0.00", "0.00", null, "0.00", "0.00", "0.00", "0.00");
        assertThat(details(workOrder)).isEqualTo(new WorkOrderDetails(workOrder, "WO-2026-000001", OPEN, 0,
                new WorkOrderDetails.Customer(ada, "Ada Lovelace"),
                new WorkOrderDetails.Asset(car, AssetKind.VEHICLE, "Volvo", "V70", 2004, "YV1SW61R041234567", null,
                        "AB12 CDE"),
                "Noise from the front axle", Priority.HIGH, DUE, false, null, null, null, null, List.of(), List.of(),
                List.of(), List.of(), nothing, List.of(), opened.getTimestamp(), null, List.of(), null));
        assertThat(list(q -> q).items()).containsExactly(new WorkOrderSummary(workOrder, "WO-2026-000001", OPEN, ada,
                "Ada Lovelace", car, Priority.HIGH, null, null, DUE, false, new BigDecimal("0.00"), opened.getTimestamp()));
    }

    @Test
    void workOrderOpenedWithoutPriorityOrAssetIsNormalAndHasNoAsset() {
        feed.publish(new WorkOrderOpened(workOrder, "WO-2026-000001", ada, null, "Service", null, null));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.priority()).isEqualTo(Priority.NORMAL);
        assertThat(details.asset()).isNull();
        assertThat(details.dueDate()).isNull();
    }

    @Test
    void assetThisProjectionHasNotSeenIsShownByItsIdAlone() {
        AssetId unseen = AssetId.random();
        feed.publish(new WorkOrderOpened(workOrder, "WO-2026-000001", ada, unseen, "Service", null, null));

        assertThat(details(workOrder).asset())
                .isEqualTo(new WorkOrderDetails.Asset(unseen, null, null, null, null, null, null, null));
    }

    // --- lines and totals

    @Test
    void labourLineIsListedWithItsAmountRoundedToCentsAndCharged() {
        open(workOrder, "WO-2026-000001");
        LineId line = LineId.random();
        // 1.25 h x 73.50 = 91.875 -> 91.88
        feed.publish(new LabourLineAdded(workOrder, line, "Replace clutch", new BigDecimal("1.25"), new BigDecimal("73.5"), Money.line(new BigDecimal("1.25"), new BigDecimal("73.5"))));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.labourLines()).containsExactly(new WorkOrderDetails.LabourLine(line, "Replace clutch",
                new BigDecimal("1.25"), new BigDecimal("73.50"), new BigDecimal("91.88")));
        assertThat(details.totals()).isEqualTo(totals("91.88", "0.00", null, "0.00", "91.88", "0.00", "91.88"));
        assertThat(details.version()).isEqualTo(1);
    }

    @Test
    void partLineIsListedPendingWithWhatWasCopiedFromTheItem() {
        open(workOrder, "WO-2026-000001");
        LineId line = LineId.random();
        StockItemId oil = StockItemId.random();
        // 0.5 x 9.99 = 4.995 -> 5.00
        feed.publish(new PartLineAdded(workOrder, line, oil, "OIL-5W30", "Engine oil 5W-30", new BigDecimal("0.50"),
                new BigDecimal("9.99"), Money.line(new BigDecimal("0.50"), new BigDecimal("9.99"))));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.partLines()).containsExactly(new WorkOrderDetails.PartLine(line, oil, "OIL-5W30",
                "Engine oil 5W-30", new BigDecimal("0.5"), new BigDecimal("9.99"), new BigDecimal("5.00"),
                PartLineStatus.PENDING));
        assertThat(details.totals()).isEqualTo(totals("0.00", "5.00", null, "0.00", "5.00", "0.00", "5.00"));
    }

    @Test
    void partLineStatusFollowsInventorysAnswers() {
        open(workOrder, "WO-2026-000001");
        LineId line = addPart(workOrder, "2", "50.00");
        List<PartLineStatus> seen = new ArrayList<>();

        feed.publish(new PartLineBackordered(workOrder, line));
        seen.add(partLine(workOrder).status());
        feed.publish(new PartLineReserved(workOrder, line));
        seen.add(partLine(workOrder).status());
        feed.publish(new PartLineIssued(workOrder, line));
        seen.add(partLine(workOrder).status());

        assertThat(seen).containsExactly(PartLineStatus.BACKORDERED, PartLineStatus.RESERVED, PartLineStatus.ISSUED);
        assertThat(details(workOrder).totals().parts()).isEqualTo("100.00");
    }

    @Test
    void releasedPartLineStaysListedButIsNoLongerChargedHoweverOftenItIsReleased() {
        open(workOrder, "WO-2026-000001");
        LineId line = addPart(workOrder, "2", "50.00");
        addPart(workOrder, "1", "7.50");
        feed.publish(new PartLineReleased(workOrder, line));
        // refused by inventory first, then released again when the work order is cancelled
        feed.publish(new PartLineReleased(workOrder, line));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.partLines()).extracting(WorkOrderDetails.PartLine::status)
                .containsExactly(PartLineStatus.RELEASED, PartLineStatus.PENDING);
        assertThat(details.totals()).isEqualTo(totals("0.00", "7.50", null, "0.00", "7.50", "0.00", "7.50"));
    }

    @Test
    void removedLinesLeaveTheDetailAndTheTotals() {
        open(workOrder, "WO-2026-000001");
        LineId labour = addLabour(workOrder, "2", "80.00");
        LineId part = addPart(workOrder, "2", "50.00");

        feed.publish(new LineRemoved(workOrder, labour));
        assertThat(details(workOrder).labourLines()).isEmpty();
        assertThat(details(workOrder).totals()).isEqualTo(totals("0.00", "100.00", null, "0.00", "100.00", "0.00", "100.00"));

        feed.publish(new LineRemoved(workOrder, part));
        assertThat(details(workOrder).partLines()).isEmpty();
        assertThat(details(workOrder).totals()).isEqualTo(totals("0.00", "0.00", null, "0.00", "0.00", "0.00", "0.00"));
    }

    @Test
    void partLineRemovedAndReleasedIsTakenOffTheTotalOnceInEitherOrder() {
        WorkOrderId releasedFirst = WorkOrderId.random();
        open(workOrder, "WO-2026-000001");
        open(releasedFirst, "WO-2026-000002");
        LineId removedThenReleased = addPart(workOrder, "2", "50.00");
        LineId releasedThenRemoved = addPart(releasedFirst, "2", "50.00");

        feed.publish(new LineRemoved(workOrder, removedThenReleased));
        feed.publish(new PartLineReleased(workOrder, removedThenReleased));
        feed.publish(new PartLineReleased(releasedFirst, releasedThenRemoved));
        feed.publish(new LineRemoved(releasedFirst, releasedThenRemoved));

        for (WorkOrderId id : List.of(workOrder, releasedFirst)) {
            assertThat(details(id).partLines()).isEmpty();
            assertThat(details(id).totals().total()).isEqualTo("0.00");
        }
    }

    // --- lifecycle

    @Test
    void approvalRecordsWhoApprovedAndForWhatTotal() {
        open(workOrder, "WO-2026-000001");
        feed.publish(new WorkOrderApproved(workOrder, "Ada Lovelace", new BigDecimal("135.8")));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.status()).isEqualTo(APPROVED);
        assertThat(details.approvedBy()).isEqualTo("Ada Lovelace");
        assertThat(details.approvedTotal()).isEqualTo("135.80");
    }

    @Test
    void workMovesThroughItsStatusesAndShowsTheAssignedTechnician() {
        open(workOrder, "WO-2026-000001");
        List<WorkOrderStatus> seen = new ArrayList<>();
        feed.publish(new WorkOrderApproved(workOrder, "Ada Lovelace", BigDecimal.TEN));
        feed.publish(new TechnicianAssigned(workOrder, "bob", "Bob Builder"));
        assertThat(details(workOrder).technician()).isEqualTo("bob");

        feed.publish(new WorkStarted(workOrder, "bob"));
        seen.add(details(workOrder).status());
        feed.publish(new WorkPutOnHold(workOrder, "waiting for parts"));
        seen.add(details(workOrder).status());
        feed.publish(new WorkResumed(workOrder));
        seen.add(details(workOrder).status());

        assertThat(seen).containsExactly(IN_PROGRESS, ON_HOLD, IN_PROGRESS);
        assertThat(list(q -> q).items()).singleElement().extracting(WorkOrderSummary::technician).isEqualTo("bob");
    }

    @Test
    void scansAndInspectionsAreListedInTheOrderTheyHappened() {
        open(workOrder, "WO-2026-000001");
        start(workOrder);
        UUID scan = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID passed = UUID.randomUUID();
        var scanned = feed.publish(new ProgressScanned(workOrder, scan, "diagnosis", "bearing worn", "bob"),
                Map.of("userId", "bob", "userName", "Bob Builder"));
        var first = feed.publish(new InspectionRecorded(workOrder, failed, InspectionResult.FAIL, "still noisy", "carol"),
                Map.of("userId", "carol", "userName", "carol.inspector"));
        // an event recorded without a readable name in its metadata shows the id
        var second = feed.publish(new InspectionRecorded(workOrder, passed, InspectionResult.PASS, null, "carol"));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.scans()).containsExactly(
                new WorkOrderDetails.Scan(scan, "diagnosis", "bearing worn", "bob", "Bob Builder", scanned.getTimestamp()));
        assertThat(details.inspections()).containsExactly(
                new WorkOrderDetails.Inspection(failed, InspectionResult.FAIL, "still noisy", "carol", "carol.inspector",
                        first.getTimestamp()),
                new WorkOrderDetails.Inspection(passed, InspectionResult.PASS, null, "carol", "carol", second.getTimestamp()));
    }

    @Test
    void scanStoredWithoutAnIdIsGivenOne() {
        open(workOrder, "WO-2026-000001");
        start(workOrder);
        feed.publish(new ProgressScanned(workOrder, null, "repair", null, "bob"));

        assertThat(details(workOrder).scans()).singleElement().extracting(WorkOrderDetails.Scan::id).isNotNull();
    }

    @Test
    void completionIsTimestamped() {
        open(workOrder, "WO-2026-000001");
        start(workOrder);
        DomainEventMessage<?> completed = feed.publish(new WorkOrderCompleted(workOrder));

        assertThat(details(workOrder).status()).isEqualTo(COMPLETED);
        assertThat(details(workOrder).completedAt()).isEqualTo(completed.getTimestamp());
    }

    @Test
    void invoiceFixesEveryFigureAndLinesNoLongerMoveThem() {
        open(workOrder, "WO-2026-000001");
        addLabour(workOrder, "2", "80.00");
        LineId part = addPart(workOrder, "2", "50.00");
        start(workOrder);
        feed.publish(new WorkOrderCompleted(workOrder));
        feed.publish(new WorkOrderInvoiced(workOrder, new BigDecimal("160.00"), new BigDecimal("100.00"),
                new BigDecimal("0.2"), new BigDecimal("52.00"), new BigDecimal("312.00")));
        feed.publish(new PartLineReleased(workOrder, part));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.status()).isEqualTo(INVOICED);
        assertThat(details.totals()).isEqualTo(totals("160.00", "100.00", "0.2", "52.00", "312.00", "0.00", "312.00"));
    }

    @Test
    void paymentsAreListedWithTheBalanceLeftAndTheLastOneMakesItPaid() {
        invoiced(workOrder, "312.00");
        UUID cash = UUID.randomUUID();
        UUID card = UUID.randomUUID();
        var first = feed.publish(new PaymentRecorded(workOrder, cash, new BigDecimal("100"), PaymentMethod.CASH,
                new BigDecimal("212")));
        assertThat(details(workOrder).totals()).isEqualTo(totals("312.00", "0.00", "0.2", "0.00", "312.00", "100.00", "212.00"));

        var second = feed.publish(new PaymentRecorded(workOrder, card, new BigDecimal("212.00"), PaymentMethod.CARD,
                BigDecimal.ZERO));
        feed.publish(new WorkOrderPaid(workOrder));

        WorkOrderDetails details = details(workOrder);
        assertThat(details.payments()).containsExactly(
                new WorkOrderDetails.Payment(cash, new BigDecimal("100.00"), PaymentMethod.CASH, new BigDecimal("212.00"),
                        first.getTimestamp()),
                new WorkOrderDetails.Payment(card, new BigDecimal("212.00"), PaymentMethod.CARD, new BigDecimal("0.00"),
                        second.getTimestamp()));
        assertThat(details.totals()).isEqualTo(totals("312.00", "0.00", "0.2", "0.00", "312.00", "312.00", "0.00"));
        assertThat(details.status()).isEqualTo(PAID);
    }

    @Test
    void cancelledWorkOrderIsShownCancelled() {
        open(workOrder, "WO-2026-000001");
        feed.publish(new WorkOrderCancelled(workOrder, "customer changed their mind"));

        assertThat(details(workOrder).status()).isEqualTo(CANCELLED);
    }

    @Test
    void everyEventOfAWorkOrderIsHandledSoTheDetailsVersionIsTheAggregates() {
        feed.assertHandlesEveryEventOf(WorkOrderId.class);
    }

    // --- overdue

    @Test
    void workStillBeingDoneBecomesOverdueUntilItIsFinished() {
        open(workOrder, "WO-2026-000001");
        start(workOrder);
        feed.publish(new WorkPutOnHold(workOrder, "waiting for parts"));
        feed.publish(new WorkOrderBecameOverdue(workOrder, DUE));
        assertThat(details(workOrder).overdue()).isTrue();
        assertThat(list(q -> q).items()).singleElement().extracting(WorkOrderSummary::overdue).isEqualTo(true);

        feed.publish(new WorkResumed(workOrder));
        assertThat(details(workOrder).overdue()).as("still being worked on").isTrue();

        feed.publish(new WorkOrderCompleted(workOrder));
        assertThat(details(workOrder).overdue()).isFalse();
    }

    @Test
    void cancellingEndsOverdueAndFinishedWorkNeverBecomesOverdue() {
        WorkOrderId completed = WorkOrderId.random();
        open(workOrder, "WO-2026-000001");
        open(completed, "WO-2026-000002");
        feed.publish(new WorkOrderBecameOverdue(workOrder, DUE));
        feed.publish(new WorkOrderCancelled(workOrder, "too late"));
        start(completed);
        feed.publish(new WorkOrderCompleted(completed));
        feed.publish(new WorkOrderBecameOverdue(completed, DUE));

        assertThat(details(workOrder).overdue()).isFalse();
        assertThat(details(completed).overdue()).isFalse();
    }

    // --- the customer's name

    @Test
    void renamedCustomerIsShownAndFoundUnderTheNewNameOnEachOfTheirWorkOrders() {
        CustomerId grace = registerGrace();
        WorkOrderId second = WorkOrderId.random();
        WorkOrderId graces = WorkOrderId.random();
        open(workOrder, "WO-2026-000001");
        open(second, "WO-2026-000002");
        feed.publish(new WorkOrderOpened(graces, "WO-2026-000003", grace, null, "Service", null, null));

        feed.publish(new CustomerContactDetailsUpdated(ada, "Ada King", "ada@example.com", null, null));

        assertThat(list(q -> q).items()).extracting(WorkOrderSummary::customerName)
                .containsExactly("Ada King", "Ada King", "Grace Hopper");
        assertThat(details(workOrder).customer().name()).isEqualTo("Ada King");
        assertThat(searched("ada king")).containsExactly(workOrder, second);
        assertThat(searched("lovelace")).isEmpty();
    }

    @Test
    void workOrderOpenedAfterARenameShowsTheNewName() {
        feed.publish(new CustomerContactDetailsUpdated(ada, "Ada King", "ada@example.com", null, null));
        open(workOrder, "WO-2026-000001");

        assertThat(details(workOrder).customer().name()).isEqualTo("Ada King");
    }

    // --- redelivery

    @Test
    void eventDeliveredTwiceChangesNothing() {
        List<DomainEventMessage<?>> again = new ArrayList<>();
        again.add(feed.publish(new WorkOrderOpened(workOrder, "WO-2026-000001", ada, car, "Service", null, DUE)));
        again.add(feed.publish(new LabourLineAdded(workOrder, LineId.random(), "Diagnosis", BigDecimal.ONE,
                new BigDecimal("60.00"), Money.line(BigDecimal.ONE, new BigDecimal("60.00")))));
        LineId part = LineId.random();
        again.add(feed.publish(new PartLineAdded(workOrder, part, StockItemId.random(), "BRK-001", "Brake pad",
                new BigDecimal("2"), new BigDecimal("50.00"), Money.line(new BigDecimal("2"), new BigDecimal("50.00")))));
        again.add(feed.publish(new PartLineReleased(workOrder, part)));
        start(workOrder);
        again.add(feed.publish(new ProgressScanned(workOrder, UUID.randomUUID(), "repair", null, "bob")));
        again.add(feed.publish(new InspectionRecorded(workOrder, UUID.randomUUID(), InspectionResult.PASS, null, "carol")));
        feed.publish(new WorkOrderCompleted(workOrder));
        feed.publish(new WorkOrderInvoiced(workOrder, new BigDecimal("60.00"), BigDecimal.ZERO, new BigDecimal("0.2"),
                new BigDecimal("12.00"), new BigDecimal("72.00")));
        again.add(feed.publish(new PaymentRecorded(workOrder, UUID.randomUUID(), new BigDecimal("50.00"),
                PaymentMethod.CASH, new BigDecimal("22.00"))));
        assertThat(details(workOrder).totals().paid()).isEqualTo("50.00");

        feed.assertRedeliveryChangesNothing(this::snapshot, again.toArray(DomainEventMessage<?>[]::new));
    }

    @Test
    void theTechnicianIsShownByUserIdWithTheDirectorysNameWhichFollowsARename() {
        open(workOrder, "WO-2026-000001");
        TechnicianId bobsId = TechnicianId.of("bob");
        feed.publish(new TechnicianRegistered(bobsId, "bob", "Bob Builder"));
        feed.publish(new TechnicianAssigned(workOrder, "bob", "Bob Builder"));
        assertThat(details(workOrder).technician()).isEqualTo("bob");
        assertThat(details(workOrder).technicianName()).isEqualTo("Bob Builder");

        var renamed = feed.publish(new TechnicianRenamed(bobsId, "bob", "Robert Builder"));
        assertThat(details(workOrder).technicianName()).isEqualTo("Robert Builder");
        assertThat(list(q -> q).items()).extracting(WorkOrderSummary::technicianName).containsExactly("Robert Builder");
        feed.assertRedeliveryChangesNothing(this::snapshot, renamed);
    }

    @Test
    void anAssignmentOfATechnicianTheDirectoryNeverNamedShowsTheNameInTheEvent() {
        open(workOrder, "WO-2026-000001");
        feed.publish(new TechnicianAssigned(workOrder, "ted.technician", "ted.technician"));
        assertThat(details(workOrder).technicianName()).isEqualTo("ted.technician");
    }

    @Test
    void olderEventAfterNewerOnesChangesNothing() {
        var opened = feed.publish(new WorkOrderOpened(workOrder, "WO-2026-000001", ada, car, "Service", null, null));
        var approved = feed.publish(new WorkOrderApproved(workOrder, "Ada Lovelace", BigDecimal.TEN));
        var assigned = feed.publish(new TechnicianAssigned(workOrder, "bob", "Bob Builder"));
        feed.publish(new TechnicianAssigned(workOrder, "dave", "Dave"));
        feed.publish(new WorkStarted(workOrder, "dave"));
        var rename = feed.publish(new CustomerContactDetailsUpdated(ada, "Ada King", "ada@example.com", null, null));
        feed.publish(new CustomerContactDetailsUpdated(ada, "Ada Lovelace King", "ada@example.com", null, null));
        assertThat(details(workOrder).status()).isEqualTo(IN_PROGRESS);
        assertThat(details(workOrder).technician()).isEqualTo("dave");

        feed.assertRedeliveryChangesNothing(this::snapshot, opened, approved, assigned, rename);
        assertThat(details(workOrder).customer().name()).isEqualTo("Ada Lovelace King");
    }

    // --- the list

    @Test
    void listFiltersByStatusCustomerTechnicianPriorityAndOverdue() {
        CustomerId grace = registerGrace();
        WorkOrderId urgent = WorkOrderId.random();
        WorkOrderId graces = WorkOrderId.random();
        open(workOrder, "WO-2026-000001");
        feed.publish(new WorkOrderOpened(urgent, "WO-2026-000002", ada, null, "Brakes", Priority.URGENT, DUE));
        feed.publish(new WorkOrderOpened(graces, "WO-2026-000003", grace, null, "Welding", Priority.LOW, null));
        start(urgent);
        feed.publish(new WorkOrderBecameOverdue(urgent, DUE));

        assertThat(filtered(q -> withStatus(q, IN_PROGRESS))).containsExactly(urgent);
        assertThat(filtered(q -> withStatus(q, OPEN))).containsExactly(workOrder, graces);
        assertThat(filtered(q -> withStatus(q, OPEN, IN_PROGRESS))).containsExactlyInAnyOrder(workOrder, graces, urgent);
        assertThat(filtered(q -> withStatus(q))).as("no status is no filter").hasSize(3);
        assertThat(filtered(q -> new FindWorkOrders(null, grace, null, null, null, null, null, null, q.page())))
                .containsExactly(graces);
        assertThat(filtered(q -> new FindWorkOrders(null, null, " bob ", null, null, null, null, null, q.page())))
                .as("technician trimmed").containsExactly(urgent);
        assertThat(filtered(q -> new FindWorkOrders(null, null, "  ", null, null, null, null, null, q.page())))
                .as("blank technician is no filter").hasSize(3);
        assertThat(filtered(q -> new FindWorkOrders(null, null, null, Set.of(Priority.LOW), null, null, null, null, q.page())))
                .containsExactly(graces);
        assertThat(filtered(q -> new FindWorkOrders(null, null, null, null, true, null, null, null, q.page())))
                .containsExactly(urgent);
        assertThat(filtered(q -> new FindWorkOrders(Set.of(OPEN), ada, null, null, false, null, null, null, q.page())))
                .containsExactly(workOrder);
    }

    @Test
    void dueDateRangeIncludesBothEnds() {
        WorkOrderId early = WorkOrderId.random();
        WorkOrderId late = WorkOrderId.random();
        WorkOrderId undated = WorkOrderId.random();
        feed.publish(new WorkOrderOpened(early, "WO-2026-000001", ada, null, "A", null, DUE.minusDays(1)));
        feed.publish(new WorkOrderOpened(workOrder, "WO-2026-000002", ada, null, "B", null, DUE));
        feed.publish(new WorkOrderOpened(late, "WO-2026-000003", ada, null, "C", null, DUE.plusDays(1)));
        feed.publish(new WorkOrderOpened(undated, "WO-2026-000004", ada, null, "D", null, null));

        assertThat(filtered(q -> due(q, DUE, DUE))).containsExactly(workOrder);
        assertThat(filtered(q -> due(q, DUE, null))).containsExactly(workOrder, late);
        assertThat(filtered(q -> due(q, null, DUE))).containsExactly(early, workOrder);
    }

    @Test
    void searchMatchesNumberDescriptionOrCustomerNameIgnoringCase() {
        WorkOrderId brakes = WorkOrderId.random();
        open(workOrder, "WO-2026-000001");
        feed.publish(new WorkOrderOpened(brakes, "WO-2026-000002", ada, null, "Brakes squeal", null, null));

        assertThat(searched("wo-2026-000002")).containsExactly(brakes);
        assertThat(searched("SQUEAL")).containsExactly(brakes);
        assertThat(searched("front AXLE")).containsExactly(workOrder);
        assertThat(searched("LOVELACE")).containsExactly(workOrder, brakes);
        assertThat(searched("%")).isEmpty();
    }

    @Test
    void listIsPagedAndSortedByNumberUnlessToldOtherwise() {
        for (String number : List.of("WO-2026-000005", "WO-2026-000002", "WO-2026-000004", "WO-2026-000001",
                "WO-2026-000003")) {
            open(WorkOrderId.random(), number);
        }

        PageView<WorkOrderSummary> page = list(q -> withPage(q, new PageQuery(1, 2, null, false)));

        assertThat(page.items()).extracting(WorkOrderSummary::number).containsExactly("WO-2026-000003", "WO-2026-000004");
        assertThat(List.of(page.page(), page.size(), page.totalItems(), page.totalPages()))
                .containsExactly(1, 2, 5L, 3);
    }

    @Test
    void prioritySortsByUrgencyNotByName() {
        for (Priority priority : List.of(Priority.HIGH, Priority.URGENT, Priority.LOW, Priority.NORMAL)) {
            feed.publish(new WorkOrderOpened(WorkOrderId.random(), "WO-" + priority, ada, null, "Job", priority, null));
        }

        assertThat(list(q -> withPage(q, new PageQuery(0, 50, "priority", false))).items())
                .extracting(WorkOrderSummary::priority)
                .containsExactly(Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT);
    }

    @Test
    void listSortsByAnAllowedFieldEitherWay() {
        WorkOrderId dear = WorkOrderId.random();
        open(workOrder, "WO-2026-000001");
        feed.publish(new WorkOrderOpened(dear, "WO-2026-000002", ada, null, "Engine", null, DUE));
        addLabour(dear, "10", "80.00");

        assertThat(sorted("total", true)).containsExactly(dear, workOrder);
        assertThat(sorted("openedAt", true)).containsExactly(dear, workOrder);
        assertThat(sorted("number", true)).containsExactly(dear, workOrder);
        Pages.assertSortsByEveryAllowedField(FindWorkOrders.sortFields(), field -> sorted(field, false), "description");
    }

    // --- reset and replay

    @Test
    void resetEmptiesTheProjectionAndReplayRebuildsTheSameAnswers() {
        CustomerId grace = registerGrace();
        WorkOrderId graces = WorkOrderId.random();
        WorkOrderId cancelled = WorkOrderId.random();
        invoiced(workOrder, "312.00");
        feed.publish(new PaymentRecorded(workOrder, UUID.randomUUID(), new BigDecimal("12.00"), PaymentMethod.CARD,
                new BigDecimal("300.00")));
        feed.publish(new WorkOrderOpened(graces, "WO-2026-000002", grace, null, "Welding", Priority.URGENT, DUE));
        addLabour(graces, "1.25", "73.50");
        LineId removed = addPart(graces, "1", "9.99");
        LineId released = addPart(graces, "3", "12.99");
        feed.publish(new PartLineReserved(graces, released));
        feed.publish(new LineRemoved(graces, removed));
        feed.publish(new PartLineReleased(graces, released));
        start(graces);
        feed.publish(new ProgressScanned(graces, null, "welding", "seam 1 of 3", "bob"));
        feed.publish(new InspectionRecorded(graces, UUID.randomUUID(), InspectionResult.FAIL, "porosity", "carol"));
        feed.publish(new WorkOrderBecameOverdue(graces, DUE));
        feed.publish(new CustomerContactDetailsUpdated(grace, "Grace B. Hopper", "grace@example.com", null, null));
        open(cancelled, "WO-2026-000003");
        feed.publish(new WorkOrderCancelled(cancelled, "duplicate"));

        feed.assertRebuildGivesTheSameAnswers(this::snapshot);
    }

    // --- helpers

    private CustomerId registerGrace() {
        CustomerId grace = CustomerId.random();
        feed.publish(new CustomerRegistered(grace, "Grace Hopper", "grace@example.com", null, null));
        return grace;
    }

    private void open(WorkOrderId id, String number) {
        feed.publish(new WorkOrderOpened(id, number, ada, car, "Noise from the front axle", Priority.NORMAL, null));
    }

    private LineId addLabour(WorkOrderId id, String hours, String rate) {
        LineId line = LineId.random();
        feed.publish(new LabourLineAdded(id, line, "Labour", new BigDecimal(hours), new BigDecimal(rate), Money.line(new BigDecimal(hours), new BigDecimal(rate))));
        return line;
    }

    private LineId addPart(WorkOrderId id, String quantity, String price) {
        LineId line = LineId.random();
        feed.publish(new PartLineAdded(id, line, StockItemId.random(), "BRK-001", "Brake pad", new BigDecimal(quantity),
                new BigDecimal(price), Money.line(new BigDecimal(quantity), new BigDecimal(price))));
        return line;
    }

    private void start(WorkOrderId id) {
        feed.publish(new WorkOrderApproved(id, "Ada Lovelace", BigDecimal.TEN));
        feed.publish(new TechnicianAssigned(id, "bob", "Bob Builder"));
        feed.publish(new WorkStarted(id, "bob"));
    }

    /** Opened, worked on, completed and invoiced for {@code total}, all of it labour. */
    private void invoiced(WorkOrderId id, String total) {
        open(id, "WO-2026-000001");
        start(id);
        feed.publish(new WorkOrderCompleted(id));
        feed.publish(new WorkOrderInvoiced(id, new BigDecimal(total), BigDecimal.ZERO, new BigDecimal("0.2"),
                BigDecimal.ZERO, new BigDecimal(total)));
    }

    private static WorkOrderDetails.Totals totals(String labour, String parts, String taxRate, String tax, String total,
                                                  String paid, String balance) {
        return new WorkOrderDetails.Totals(new BigDecimal(labour), new BigDecimal(parts),
                taxRate == null ? null : new BigDecimal(taxRate), new BigDecimal(tax), new BigDecimal(total),
                new BigDecimal(paid), new BigDecimal(balance));
    }

    private WorkOrderDetails.PartLine partLine(WorkOrderId id) {
        return details(id).partLines().get(0);
    }

    private WorkOrderDetails details(WorkOrderId id) {
        return queries.handle(new FindWorkOrder(id)).orElseThrow();
    }

    private static FindWorkOrders withStatus(FindWorkOrders q, WorkOrderStatus... status) {
        return new FindWorkOrders(Set.of(status), null, null, null, null, null, null, null, q.page());
    }

    private static FindWorkOrders due(FindWorkOrders q, LocalDate from, LocalDate to) {
        return new FindWorkOrders(null, null, null, null, null, from, to, null, q.page());
    }

    private static FindWorkOrders withPage(FindWorkOrders q, PageQuery page) {
        return new FindWorkOrders(null, null, null, null, null, null, null, q.search(), page);
    }

    /** The list as a client asks for it: no filter, first page, default order, changed by {@code query}. */
    private PageView<WorkOrderSummary> list(UnaryOperator<FindWorkOrders> query) {
        FindWorkOrders all = new FindWorkOrders(null, null, null, null, null, null, null, null,
                new PageQuery(0, 50, null, false));
        return Pages.typed(queries.handle(query.apply(all)));
    }

    private List<WorkOrderId> filtered(UnaryOperator<FindWorkOrders> query) {
        return Pages.each(list(query), WorkOrderSummary::id);
    }

    private List<WorkOrderId> searched(String search) {
        return filtered(q -> new FindWorkOrders(null, null, null, null, null, null, null, search, q.page()));
    }

    private List<WorkOrderId> sorted(String field, boolean descending) {
        return filtered(q -> withPage(q, new PageQuery(0, 50, field, descending)));
    }

    private List<Object> snapshot() {
        return Pages.withDetails(list(q -> q), w -> details(w.id()));
    }
}
