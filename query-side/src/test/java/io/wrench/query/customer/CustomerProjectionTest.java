package io.wrench.query.customer;

import io.wrench.shared.Money;
import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import io.wrench.query.Pages;
import io.wrench.query.ProjectionFeed;
import io.wrench.query.ProjectionFeeds;
import io.wrench.query.ProjectionTest;
import io.wrench.query.customer.messages.CustomerDetails;
import io.wrench.query.customer.messages.CustomerSummary;
import io.wrench.query.customer.messages.FindCustomer;
import io.wrench.query.customer.messages.FindCustomers;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetKind;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerArchived;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.customer.OdometerRecorded;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.PartLineReleased;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderApproved;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import io.wrench.shared.workorder.WorkOrderOpened;
import io.wrench.shared.workorder.WorkOrderPaid;
import io.wrench.shared.workorder.WorkPutOnHold;
import io.wrench.shared.workorder.WorkResumed;
import io.wrench.shared.workorder.WorkStarted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ProjectionTest
@Import(CustomerQueries.class)
class CustomerProjectionTest {

    private static final PageQuery ALL = new PageQuery(0, 50, null, false);

    private final CustomerProjection projection;
    private final CustomerQueries queries;
    private final ProjectionFeed feed;
    private final CustomerId ada = CustomerId.random();

    CustomerProjectionTest(@Autowired CustomerProjection projection, @Autowired CustomerQueries queries,
                           @Autowired ProjectionFeeds feeds) {
        this.projection = projection;
        this.queries = queries;
        this.feed = feeds.feed(projection);
    }

    // --- the customer's own events

    @Test
    void registeredCustomerIsListedAndDetailedAsRegistered() {
        DomainEventMessage<?> registered = register(ada, "Ada Lovelace", "Ada@Example.com", "+44 20 7946 0001");

        assertThat(list(null, null).items()).containsExactly(
                new CustomerSummary(ada, "Ada Lovelace", "Ada@Example.com", "+44 20 7946 0001", false, 0, 0));
        assertThat(details(ada)).isEqualTo(new CustomerDetails(ada, "Ada Lovelace", "Ada@Example.com",
                "+44 20 7946 0001", "12 St James's Square, London", false, 0, registered.getTimestamp(),
                List.of(), List.of()));
    }

    @Test
    void contactDetailsUpdateReplacesAllFourFieldsAndWhatSearchFinds() {
        register(ada, "Ada Lovelace", "ada@example.com", "0001");
        feed.publish(new CustomerContactDetailsUpdated(ada, "Ada King", "countess@example.org", "0002", "Ockham Park"));

        CustomerDetails details = details(ada);
        assertThat(List.of(details.name(), details.email(), details.phone(), details.address(), details.version()))
                .containsExactly("Ada King", "countess@example.org", "0002", "Ockham Park", 1L);
        assertThat(list("lovelace", null).items()).isEmpty();
        assertThat(list("countess", null).items()).extracting(CustomerSummary::id).containsExactly(ada);
    }

    @Test
    void registeredAssetsAreDetailedInRegistrationOrderAndCounted() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        AssetId car = AssetId.random();
        AssetId welder = AssetId.random();
        feed.publish(new AssetRegistered(ada, car, AssetKind.VEHICLE, "Volvo", "V70", 2004, "YV1SW61R041234567", null,
                "AB12 CDE", 215_000L));
        feed.publish(new AssetRegistered(ada, welder, AssetKind.EQUIPMENT, "Lincoln", "Power MIG 210", null, null,
                "U1180512345", null, null));

        assertThat(details(ada).assets()).containsExactly(
                new CustomerDetails.Asset(car, AssetKind.VEHICLE, "Volvo", "V70", 2004, "YV1SW61R041234567", null,
                        "AB12 CDE", 215_000L),
                new CustomerDetails.Asset(welder, AssetKind.EQUIPMENT, "Lincoln", "Power MIG 210", null, null,
                        "U1180512345", null, null));
        assertThat(summary(ada).assetCount()).isEqualTo(2);
        assertThat(details(ada).version()).isEqualTo(2);
    }

    @Test
    void recordedOdometerReadingReplacesTheAssetsReading() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        AssetId car = registerCar(ada);
        feed.publish(new OdometerRecorded(ada, car, 216_500L));

        assertThat(details(ada).assets()).singleElement().extracting(CustomerDetails.Asset::odometer).isEqualTo(216_500L);
        assertThat(details(ada).version()).isEqualTo(2);
    }

    @Test
    void archivedCustomerIsShownArchivedAndFilteredAsSuch() {
        CustomerId grace = CustomerId.random();
        register(ada, "Ada Lovelace", "ada@example.com", null);
        register(grace, "Grace Hopper", "grace@example.com", null);
        feed.publish(new CustomerArchived(ada));

        assertThat(details(ada).archived()).isTrue();
        assertThat(list(null, true).items()).extracting(CustomerSummary::id).containsExactly(ada);
        assertThat(list(null, false).items()).extracting(CustomerSummary::id).containsExactly(grace);
        assertThat(list(null, null).totalItems()).isEqualTo(2);
    }

    @Test
    void everyEventOfACustomerIsHandledSoTheDetailsVersionIsTheAggregates() {
        feed.assertHandlesEveryEventOf(CustomerId.class);
    }

    // --- the customer's work orders

    @Test
    void openedWorkOrderIsListedOpenWithNothingChargedAndCounted() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        WorkOrderId workOrder = open(ada, "WO-2026-000001");

        assertThat(details(ada).workOrders()).containsExactly(
                new CustomerDetails.WorkOrder(workOrder.value(), "WO-2026-000001", "OPEN", new BigDecimal("0.00")));
        assertThat(summary(ada).openWorkOrders()).isEqualTo(1);
        assertThat(details(ada).version()).as("the customer's version is the customer aggregate's").isZero();
    }

    @Test
    void workOrdersAreDetailedNewestFirst() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        open(ada, "WO-2026-000001");
        open(ada, "WO-2026-000002");

        assertThat(details(ada).workOrders()).extracting(CustomerDetails.WorkOrder::number)
                .containsExactly("WO-2026-000002", "WO-2026-000001");
    }

    @Test
    void workOrderTotalIsTheSumOfItsChargedLinesEachRoundedToCents() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        WorkOrderId workOrder = open(ada, "WO-2026-000001");
        LineId labour = LineId.random();
        LineId part = LineId.random();
        LineId secondPart = LineId.random();
        // 1.25 h x 73.50 = 91.875 -> 91.88; 3 x 12.99 = 38.97; 0.5 x 9.99 = 4.995 -> 5.00
        feed.publish(new LabourLineAdded(workOrder, labour, "Replace clutch", new BigDecimal("1.25"), new BigDecimal("73.50"), Money.line(new BigDecimal("1.25"), new BigDecimal("73.50"))));
        feed.publish(new PartLineAdded(workOrder, part, StockItemId.random(), "BRK-001", "Brake pad",
                new BigDecimal("3"), new BigDecimal("12.99"), Money.line(new BigDecimal("3"), new BigDecimal("12.99"))));
        feed.publish(new PartLineAdded(workOrder, secondPart, StockItemId.random(), "OIL-5W30", "Engine oil 5W-30",
                new BigDecimal("0.5"), new BigDecimal("9.99"), Money.line(new BigDecimal("0.5"), new BigDecimal("9.99"))));
        assertThat(total(ada)).isEqualTo("135.85");

        feed.publish(new LineRemoved(workOrder, labour));
        assertThat(total(ada)).isEqualTo("43.97");

        feed.publish(new PartLineReleased(workOrder, part));
        feed.publish(new LineRemoved(workOrder, part));
        assertThat(total(ada)).as("a released line that is then removed is taken off once").isEqualTo("5.00");
    }

    @Test
    void invoiceFixesTheTotalAndPaymentMakesItPaid() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        WorkOrderId workOrder = open(ada, "WO-2026-000001");
        LineId part = LineId.random();
        feed.publish(new PartLineAdded(workOrder, part, StockItemId.random(), "BRK-001", "Brake pad",
                new BigDecimal("2"), new BigDecimal("50.00"), Money.line(new BigDecimal("2"), new BigDecimal("50.00"))));
        finish(workOrder);
        feed.publish(new WorkOrderInvoiced(workOrder, new BigDecimal("0.00"), new BigDecimal("100.00"),
                new BigDecimal("0.2"), new BigDecimal("20.00"), new BigDecimal("120.00")));
        feed.publish(new PartLineReleased(workOrder, part));

        assertThat(details(ada).workOrders()).singleElement().satisfies(w -> {
            assertThat(w.status()).isEqualTo("INVOICED");
            assertThat(w.total()).as("after invoicing, lines no longer move the total").isEqualTo("120.00");
        });

        feed.publish(new WorkOrderPaid(workOrder));
        assertThat(details(ada).workOrders()).singleElement().extracting(CustomerDetails.WorkOrder::status)
                .isEqualTo("PAID");
    }

    @Test
    void openWorkOrdersCountsWorkNotYetCompletedOrCancelled() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        WorkOrderId repaired = open(ada, "WO-2026-000001");
        WorkOrderId cancelled = open(ada, "WO-2026-000002");
        List<String> seen = new ArrayList<>();

        feed.publish(new WorkOrderApproved(repaired, "Ada Lovelace", new BigDecimal("300.00")));
        seen.add(statusAndCount(repaired));
        feed.publish(new WorkStarted(repaired, "bob"));
        seen.add(statusAndCount(repaired));
        feed.publish(new WorkPutOnHold(repaired, "waiting for parts"));
        seen.add(statusAndCount(repaired));
        feed.publish(new WorkResumed(repaired));
        seen.add(statusAndCount(repaired));
        feed.publish(new WorkOrderCompleted(repaired));
        seen.add(statusAndCount(repaired));
        feed.publish(new WorkOrderCancelled(cancelled, "customer changed their mind"));
        seen.add(statusAndCount(cancelled));

        assertThat(seen).containsExactly("APPROVED 2", "IN_PROGRESS 2", "ON_HOLD 2", "IN_PROGRESS 2", "COMPLETED 1",
                "CANCELLED 0");
    }

    // --- redelivery

    @Test
    void eventDeliveredTwiceChangesNothing() {
        register(ada, "Ada Lovelace", "ada@example.com", null);
        var asset = feed.publish(new AssetRegistered(ada, AssetId.random(), AssetKind.VEHICLE, "Volvo", "V70", null,
                null, null, null, null));
        WorkOrderId workOrder = WorkOrderId.random();
        var opened = feed.publish(opened(workOrder, ada, "WO-2026-000001"));
        var line = feed.publish(new LabourLineAdded(workOrder, LineId.random(), "Diagnosis", BigDecimal.ONE,
                new BigDecimal("60.00"), Money.line(BigDecimal.ONE, new BigDecimal("60.00"))));
        var cancelled = feed.publish(new WorkOrderCancelled(workOrder, "duplicate"));
        assertThat(summary(ada).assetCount()).isEqualTo(1);
        assertThat(total(ada)).isEqualTo("60.00");

        feed.assertRedeliveryChangesNothing(this::snapshot, asset, opened, line, cancelled);
    }

    @Test
    void olderEventAfterNewerOnesChangesNothing() {
        var registered = register(ada, "Ada Lovelace", "ada@example.com", null);
        var firstRename = feed.publish(new CustomerContactDetailsUpdated(ada, "Ada King", "ada@example.com", null, null));
        feed.publish(new CustomerContactDetailsUpdated(ada, "Ada Lovelace King", "ada@example.com", null, null));
        WorkOrderId workOrder = open(ada, "WO-2026-000001");
        var approved = feed.publish(new WorkOrderApproved(workOrder, "Ada", new BigDecimal("10.00")));
        feed.publish(new WorkStarted(workOrder, "bob"));
        feed.publish(new WorkOrderCompleted(workOrder));
        assertThat(summary(ada).name()).isEqualTo("Ada Lovelace King");
        assertThat(summary(ada).openWorkOrders()).isZero();

        feed.assertRedeliveryChangesNothing(this::snapshot, firstRename, registered, approved);
    }

    // --- the list

    @Test
    void searchMatchesNameEmailOrPhoneIgnoringCase() {
        CustomerId grace = CustomerId.random();
        register(ada, "Ada Lovelace", "ada@example.com", "+44 20 7946 0001");
        register(grace, "Grace Hopper", "grace@NAVY.mil", "555-0100");

        assertThat(searched("LOVELACE")).containsExactly(ada);
        assertThat(searched("navy.MIL")).containsExactly(grace);
        assertThat(searched("555-01")).containsExactly(grace);
        assertThat(searched("  ada@ ")).as("trimmed").containsExactly(ada);
        assertThat(searched("")).as("blank is no filter").containsExactly(ada, grace);
    }

    @Test
    void searchDoesNotMatchTheAddress() {
        register(ada, "Ada Lovelace", "ada@example.com", null);

        assertThat(searched("james's square")).isEmpty();
    }

    @Test
    void searchTreatsLikeWildcardsAsPlainCharacters() {
        CustomerId underscore = CustomerId.random();
        register(ada, "Ada Lovelace", "ada@example.com", null);
        register(underscore, "Under Score", "under_score@example.com", null);

        assertThat(searched("%")).isEmpty();
        assertThat(searched("r_s")).containsExactly(underscore);
        assertThat(searched("a_a")).isEmpty();
    }

    @Test
    void listIsPagedAndSortedByNameUnlessToldOtherwise() {
        for (String name : List.of("Edsger", "Barbara", "Donald", "Alan", "Claude")) {
            register(CustomerId.random(), name, name.toLowerCase() + "@example.com", null);
        }

        PageView<CustomerSummary> page = projection(new FindCustomers(null, null, new PageQuery(1, 2, null, false)));

        assertThat(page.items()).extracting(CustomerSummary::name).containsExactly("Claude", "Donald");
        assertThat(List.of(page.page(), page.size(), page.totalItems(), page.totalPages()))
                .containsExactly(1, 2, 5L, 3);
        assertThat(projection(new FindCustomers(null, null, new PageQuery(3, 2, null, false))).items()).isEmpty();
    }

    @Test
    void listSortsByAnAllowedFieldEitherWay() {
        CustomerId busy = CustomerId.random();
        register(ada, "Ada Lovelace", "ada@example.com", null);
        register(busy, "Zed Busy", "zed@example.com", null);
        open(busy, "WO-2026-000001");

        assertThat(sorted("openWorkOrders", true)).containsExactly(busy, ada);
        assertThat(sorted("registeredAt", true)).containsExactly(busy, ada);
        assertThat(sorted("name", true)).containsExactly(busy, ada);
        assertThat(sorted("email", false)).containsExactly(ada, busy);
        Pages.assertSortsByEveryAllowedField(FindCustomers.sortFields(), field -> sorted(field, false), "address");
    }

    // --- reset and replay

    @Test
    void resetEmptiesTheProjectionAndReplayRebuildsTheSameAnswers() {
        CustomerId grace = CustomerId.random();
        register(ada, "Ada Lovelace", "ada@example.com", "0001");
        register(grace, "Grace Hopper", "grace@example.com", "0002");
        feed.publish(new CustomerContactDetailsUpdated(grace, "Grace B. Hopper", "grace@example.com", "0003", "Arlington"));
        AssetId car = registerCar(ada);
        feed.publish(new OdometerRecorded(ada, car, 220_000L));
        WorkOrderId invoiced = open(ada, "WO-2026-000001");
        feed.publish(new LabourLineAdded(invoiced, LineId.random(), "Service", new BigDecimal("2"), new BigDecimal("80.00"), Money.line(new BigDecimal("2"), new BigDecimal("80.00"))));
        finish(invoiced);
        feed.publish(new WorkOrderInvoiced(invoiced, new BigDecimal("160.00"), new BigDecimal("0.00"),
                new BigDecimal("0.2"), new BigDecimal("32.00"), new BigDecimal("192.00")));
        WorkOrderId running = open(ada, "WO-2026-000002");
        feed.publish(new PartLineAdded(running, LineId.random(), StockItemId.random(), "BRK-001", "Brake pad",
                new BigDecimal("4"), new BigDecimal("12.99"), Money.line(new BigDecimal("4"), new BigDecimal("12.99"))));
        feed.publish(new CustomerArchived(grace));

        feed.assertRebuildGivesTheSameAnswers(this::snapshot);
    }

    // --- helpers

    private DomainEventMessage<?> register(CustomerId id, String name, String email, String phone) {
        return feed.publish(new CustomerRegistered(id, name, email, phone, "12 St James's Square, London"));
    }

    private AssetId registerCar(CustomerId customer) {
        AssetId car = AssetId.random();
        feed.publish(new AssetRegistered(customer, car, AssetKind.VEHICLE, "Volvo", "V70", 2004, null, null, null,
                215_000L));
        return car;
    }

    private WorkOrderId open(CustomerId customer, String number) {
        WorkOrderId id = WorkOrderId.random();
        feed.publish(opened(id, customer, number));
        return id;
    }

    private static WorkOrderOpened opened(WorkOrderId id, CustomerId customer, String number) {
        return new WorkOrderOpened(id, number, customer, null, "Noise from the front axle", Priority.NORMAL, null);
    }

    private void finish(WorkOrderId workOrder) {
        feed.publish(new WorkOrderApproved(workOrder, "Ada Lovelace", new BigDecimal("100.00")));
        feed.publish(new WorkStarted(workOrder, "bob"));
        feed.publish(new WorkOrderCompleted(workOrder));
    }

    private String statusAndCount(WorkOrderId workOrder) {
        CustomerDetails details = details(ada);
        String status = details.workOrders().stream().filter(w -> w.id().equals(workOrder.value()))
                .map(CustomerDetails.WorkOrder::status).findFirst().orElseThrow();
        return status + " " + summary(ada).openWorkOrders();
    }

    private BigDecimal total(CustomerId customer) {
        return details(customer).workOrders().get(0).total();
    }

    private CustomerDetails details(CustomerId id) {
        return queries.handle(new FindCustomer(id)).orElseThrow();
    }

    private CustomerSummary summary(CustomerId id) {
        return list(null, null).items().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private PageView<CustomerSummary> list(String search, Boolean archived) {
        return projection(new FindCustomers(search, archived, ALL));
    }

    private List<CustomerId> searched(String search) {
        return Pages.each(list(search, null), CustomerSummary::id);
    }

    private List<CustomerId> sorted(String field, boolean descending) {
        return Pages.each(projection(new FindCustomers(null, null, new PageQuery(0, 50, field, descending))),
                CustomerSummary::id);
    }

    private PageView<CustomerSummary> projection(FindCustomers query) {
        return Pages.typed(queries.handle(query));
    }

    private List<Object> snapshot() {
        return Pages.withDetails(list(null, null), c -> details(c.id()));
    }
}
