package io.wrench.query.inventory;

import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import io.wrench.query.Pages;
import io.wrench.query.ProjectionFeed;
import io.wrench.query.ProjectionFeeds;
import io.wrench.query.ProjectionTest;
import io.wrench.query.inventory.messages.FindStockItem;
import io.wrench.query.inventory.messages.FindStockItems;
import io.wrench.query.inventory.messages.StockItemSummary;
import io.wrench.query.inventory.messages.StockItemView;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemDetailsChanged;
import io.wrench.shared.inventory.StockItemDiscontinued;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockLevelRecovered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ProjectionTest
class StockItemProjectionTest {

    private static final PageQuery ALL = new PageQuery(0, 50, null, false);

    private final StockItemProjection projection;
    private final ProjectionFeed feed;
    private final StockItemId pads = StockItemId.random();
    private final WorkOrderId workOrder = WorkOrderId.random();

    StockItemProjectionTest(@Autowired StockItemProjection projection, @Autowired ProjectionFeeds feeds) {
        this.projection = projection;
        this.feed = feeds.feed(projection);
    }

    // --- the item's events, one rule each

    @Test
    void registeredItemStartsWithNothingOnHand() {
        register(pads, "BRK-001", "Brake pad set", "Shelf A3");

        StockItemView expected = new StockItemView(pads, "BRK-001", "Brake pad set", "set", qty("0"), qty("0"),
                qty("0"), qty("0"), qty("4"), qty("10"), false, new BigDecimal("12.50"), "Shelf A3", false, 0);
        assertThat(item(pads)).isEqualTo(expected);
        assertThat(list(null, null).items()).containsExactly(new StockItemSummary(pads, "BRK-001", "Brake pad set",
                "set", qty("0"), qty("0"), qty("0"), qty("0"), qty("4"), false, new BigDecimal("12.50"), "Shelf A3",
                false));
    }

    @Test
    void changedDetailsReplaceNameLocationAndReorderPolicyButNotTheSku() {
        register(pads, "BRK-001", "Brake pad set", "Shelf A3");
        feed.publish(new StockItemDetailsChanged(pads, "Brake pads, front", "Cage 7", new BigDecimal("6"),
                new BigDecimal("12.5")));

        StockItemView item = item(pads);
        assertThat(List.of(item.sku(), item.name(), item.location(), item.reorderLevel(), item.reorderQuantity()))
                .containsExactly("BRK-001", "Brake pads, front", "Cage 7", qty("6"), qty("12.5"));
        assertThat(item.version()).isEqualTo(1);
        assertThat(searched("cage 7")).containsExactly(pads);
        assertThat(searched("shelf")).isEmpty();
    }

    @Test
    void receiptAddsToOnHandAndTheItemIsValuedAtTheNewAverageCost() {
        register(pads, "BRK-001", "Brake pad set", null);
        feed.publish(new StockReceived(pads, new BigDecimal("20"), new BigDecimal("14.00"), "Brembo", "PO-77",
                new BigDecimal("13.25")));

        assertThat(item(pads)).satisfies(i -> {
            assertThat(i.onHand()).isEqualTo(qty("20"));
            assertThat(i.available()).isEqualTo(qty("20"));
            assertThat(i.unitCost()).as("the moving average, not the receipt's cost").isEqualTo("13.25");
        });
    }

    @Test
    void adjustmentMovesOnHandByItsSignedDelta() {
        registerWithTwentyOnHand(pads);
        feed.publish(new StockAdjusted(pads, new BigDecimal("-2.5"), "damaged in transit"));

        assertThat(stock(item(pads))).containsExactly(qty("17.5"), qty("0"), qty("17.5"), qty("0"));
    }

    @Test
    void reservationTakesFromAvailableNotFromOnHand() {
        registerWithTwentyOnHand(pads);
        feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));

        assertThat(stock(item(pads))).containsExactly(qty("20"), qty("4"), qty("16"), qty("0"));
    }

    @Test
    void backorderIsCountedApartFromStock() {
        register(pads, "BRK-001", "Brake pad set", null);
        feed.publish(new StockBackordered(pads, workOrder, LineId.random(), new BigDecimal("3")));

        assertThat(stock(item(pads))).containsExactly(qty("0"), qty("0"), qty("0"), qty("3"));
    }

    @Test
    void filledBackorderBecomesAReservation() {
        register(pads, "BRK-001", "Brake pad set", null);
        LineId line = LineId.random();
        feed.publish(new StockBackordered(pads, workOrder, line, new BigDecimal("3")));
        feed.publish(new StockReceived(pads, new BigDecimal("5"), new BigDecimal("12.50"), null, null,
                new BigDecimal("12.50")));
        feed.publish(new BackorderFilled(pads, workOrder, line, new BigDecimal("3")));

        assertThat(stock(item(pads))).containsExactly(qty("5"), qty("3"), qty("2"), qty("0"));
    }

    @Test
    void releaseGivesBackAReservationOrDropsAWaitingBackorder() {
        registerWithTwentyOnHand(pads);
        feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));
        feed.publish(new StockBackordered(pads, workOrder, LineId.random(), new BigDecimal("30")));

        feed.publish(new ReservationReleased(pads, workOrder, LineId.random(), new BigDecimal("4"), false));
        assertThat(stock(item(pads))).containsExactly(qty("20"), qty("0"), qty("20"), qty("30"));

        feed.publish(new ReservationReleased(pads, workOrder, LineId.random(), new BigDecimal("30"), true));
        assertThat(stock(item(pads))).containsExactly(qty("20"), qty("0"), qty("20"), qty("0"));
    }

    @Test
    void issuedStockLeavesOnHandAndReservedAlike() {
        registerWithTwentyOnHand(pads);
        feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));
        feed.publish(new ReservedStockIssued(pads, workOrder, LineId.random(), new BigDecimal("4")));

        assertThat(stock(item(pads))).containsExactly(qty("16"), qty("0"), qty("16"), qty("0"));
    }

    @Test
    void rejectedReservationMovesOnlyTheVersion() {
        registerWithTwentyOnHand(pads);
        StockItemView before = item(pads);
        feed.publish(new ReservationRejected(pads, workOrder, LineId.random(), BigDecimal.ONE,
                ErrorCode.ITEM_DISCONTINUED));

        assertThat(item(pads)).usingRecursiveComparison().ignoringFields("version").isEqualTo(before);
        assertThat(item(pads).version()).as("the detail's version is the aggregate's").isEqualTo(2);
    }

    @Test
    void lowStockSignalIsShownUntilTheLevelRecovers() {
        registerWithTwentyOnHand(pads);
        feed.publish(new StockAdjusted(pads, new BigDecimal("-17"), "count"));
        feed.publish(new LowStockDetected(pads, new BigDecimal("3"), new BigDecimal("4")));
        assertThat(item(pads).lowStock()).isTrue();

        feed.publish(new StockReceived(pads, new BigDecimal("10"), new BigDecimal("12.50"), null, null,
                new BigDecimal("12.50")));
        feed.publish(new StockLevelRecovered(pads, new BigDecimal("13"), new BigDecimal("4")));
        assertThat(item(pads).lowStock()).isFalse();
    }

    @Test
    void discontinuedItemIsShownDiscontinued() {
        register(pads, "BRK-001", "Brake pad set", null);
        feed.publish(new StockItemDiscontinued(pads));

        assertThat(item(pads).discontinued()).isTrue();
        assertThat(list(null, null).items()).singleElement().extracting(StockItemSummary::discontinued).isEqualTo(true);
    }

    @Test
    void quantitiesAreShownWithoutPaddingAndCostsWithTwoDecimals() {
        register(pads, "BRK-001", "Brake pad set", null);
        feed.publish(new StockReceived(pads, new BigDecimal("10.00"), new BigDecimal("8"), null, null,
                new BigDecimal("8")));

        StockItemSummary row = list(null, null).items().get(0);
        assertThat(row.onHand()).hasToString("10");
        assertThat(row.unitCost()).hasToString("8.00");
    }

    @Test
    void unknownItemIsNotFound() {
        assertThat(projection.handle(new FindStockItem(pads))).isEmpty();
    }

    @Test
    void everyEventOfAnItemIsHandledSoTheDetailsVersionIsTheAggregates() {
        feed.assertHandlesEveryEventOf(StockItemId.class);
    }

    // --- redelivery

    @Test
    void eventDeliveredTwiceChangesNothing() {
        register(pads, "BRK-001", "Brake pad set", null);
        var received = feed.publish(new StockReceived(pads, new BigDecimal("20"), new BigDecimal("12.50"), null, null,
                new BigDecimal("12.50")));
        var reserved = feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));
        var backordered = feed.publish(new StockBackordered(pads, workOrder, LineId.random(), new BigDecimal("30")));
        assertThat(stock(item(pads))).containsExactly(qty("20"), qty("4"), qty("16"), qty("30"));

        feed.assertRedeliveryChangesNothing(this::snapshot, received, reserved, backordered);
    }

    @Test
    void olderEventAfterNewerOnesChangesNothing() {
        var registered = register(pads, "BRK-001", "Brake pad set", "Shelf A3");
        var firstChange = feed.publish(new StockItemDetailsChanged(pads, "Brake pads", "Cage 7", new BigDecimal("4"),
                new BigDecimal("10")));
        feed.publish(new StockItemDetailsChanged(pads, "Brake pads, front", "Cage 8", new BigDecimal("5"),
                new BigDecimal("10")));
        var low = feed.publish(new LowStockDetected(pads, BigDecimal.ZERO, new BigDecimal("5")));
        feed.publish(new StockReceived(pads, new BigDecimal("9"), new BigDecimal("12.50"), null, null,
                new BigDecimal("12.50")));
        feed.publish(new StockLevelRecovered(pads, new BigDecimal("9"), new BigDecimal("5")));
        assertThat(item(pads).name()).isEqualTo("Brake pads, front");
        assertThat(item(pads).lowStock()).isFalse();

        feed.assertRedeliveryChangesNothing(this::snapshot, firstChange, registered, low);
    }

    // --- the list

    @Test
    void searchMatchesSkuNameOrLocationIgnoringCase() {
        StockItemId oil = StockItemId.random();
        register(pads, "BRK-001", "Brake pad set", "Shelf A3");
        register(oil, "OIL-5W30", "Engine oil", "Drum room");

        assertThat(searched("brk-")).containsExactly(pads);
        assertThat(searched("ENGINE")).containsExactly(oil);
        assertThat(searched("drum ROOM")).containsExactly(oil);
        assertThat(searched(" 5w30 ")).containsExactly(oil);
        assertThat(searched("%")).isEmpty();
    }

    @Test
    void lowStockFilterShowsOnlyItemsWithTheSignalOrOnlyThoseWithout() {
        StockItemId oil = StockItemId.random();
        register(pads, "BRK-001", "Brake pad set", null);
        register(oil, "OIL-5W30", "Engine oil", null);
        feed.publish(new LowStockDetected(oil, BigDecimal.ZERO, new BigDecimal("4")));

        assertThat(list(null, true).items()).extracting(StockItemSummary::id).containsExactly(oil);
        assertThat(list(null, false).items()).extracting(StockItemSummary::id).containsExactly(pads);
    }

    @Test
    void listIsPagedAndSortedBySkuUnlessToldOtherwise() {
        for (String sku : List.of("E-5", "B-2", "D-4", "A-1", "C-3")) {
            register(StockItemId.random(), sku, "Item " + sku, null);
        }

        PageView<StockItemSummary> page = projection(new FindStockItems(null, null, new PageQuery(1, 2, null, false)));

        assertThat(page.items()).extracting(StockItemSummary::sku).containsExactly("C-3", "D-4");
        assertThat(List.of(page.page(), page.size(), page.totalItems(), page.totalPages()))
                .containsExactly(1, 2, 5L, 3);
    }

    @Test
    void listSortsByAnAllowedFieldEitherWay() {
        StockItemId oil = StockItemId.random();
        registerWithTwentyOnHand(pads);
        register(oil, "OIL-5W30", "Engine oil", null);
        feed.publish(new StockReceived(oil, new BigDecimal("50"), new BigDecimal("4.10"), null, null,
                new BigDecimal("4.10")));
        feed.publish(new StockReserved(oil, workOrder, LineId.random(), new BigDecimal("45")));

        assertThat(sorted("available", false)).containsExactly(oil, pads);
        assertThat(sorted("onHand", true)).containsExactly(oil, pads);
        assertThat(sorted("unitCost", false)).containsExactly(oil, pads);
        assertThat(sorted("sku", true)).containsExactly(oil, pads);
        Pages.assertSortsByEveryAllowedField(FindStockItems.sortFields(), field -> sorted(field, false), "unit");
    }

    // --- reset and replay

    @Test
    void resetEmptiesTheProjectionAndReplayRebuildsTheSameAnswers() {
        StockItemId oil = StockItemId.random();
        registerWithTwentyOnHand(pads);
        register(oil, "OIL-5W30", "Engine oil", "Drum room");
        LineId line = LineId.random();
        feed.publish(new StockReserved(pads, workOrder, line, new BigDecimal("18")));
        feed.publish(new LowStockDetected(pads, new BigDecimal("2"), new BigDecimal("4")));
        feed.publish(new ReservedStockIssued(pads, workOrder, line, new BigDecimal("18")));
        feed.publish(new StockBackordered(oil, workOrder, LineId.random(), new BigDecimal("2.5")));
        feed.publish(new StockItemDetailsChanged(oil, "Engine oil 5W-30", "Drum room", new BigDecimal("20"),
                new BigDecimal("40")));
        feed.publish(new StockItemDiscontinued(oil));

        feed.assertRebuildGivesTheSameAnswers(this::snapshot);
    }

    // --- helpers

    private DomainEventMessage<?> register(StockItemId id, String sku, String name, String location) {
        return feed.publish(new StockItemRegistered(id, sku, name, "set", new BigDecimal("4"), new BigDecimal("10"),
                new BigDecimal("12.5"), location));
    }

    private void registerWithTwentyOnHand(StockItemId id) {
        register(id, "BRK-001", "Brake pad set", null);
        feed.publish(new StockReceived(id, new BigDecimal("20"), new BigDecimal("12.50"), null, null,
                new BigDecimal("12.50")));
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    /** On hand, reserved, available, backordered. */
    private static List<BigDecimal> stock(StockItemView item) {
        return List.of(item.onHand(), item.reserved(), item.available(), item.backordered());
    }

    private StockItemView item(StockItemId id) {
        return projection.handle(new FindStockItem(id)).orElseThrow();
    }

    private PageView<StockItemSummary> list(String search, Boolean lowStock) {
        return projection(new FindStockItems(search, lowStock, ALL));
    }

    private List<StockItemId> searched(String search) {
        return Pages.each(list(search, null), StockItemSummary::id);
    }

    private List<StockItemId> sorted(String field, boolean descending) {
        return Pages.each(projection(new FindStockItems(null, null, new PageQuery(0, 50, field, descending))),
                StockItemSummary::id);
    }

    private PageView<StockItemSummary> projection(FindStockItems query) {
        return Pages.typed(projection.handle(query));
    }

    private List<Object> snapshot() {
        return Pages.withDetails(list(null, null), i -> item(i.id()));
    }
}
