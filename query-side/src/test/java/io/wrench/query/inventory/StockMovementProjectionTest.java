package io.wrench.query.inventory;

import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import io.wrench.query.Pages;
import io.wrench.query.ProjectionFeed;
import io.wrench.query.ProjectionFeeds;
import io.wrench.query.ProjectionTest;
import io.wrench.query.inventory.messages.FindStockMovements;
import io.wrench.query.inventory.messages.StockMovementView;
import io.wrench.query.inventory.messages.StockMovementView.Type;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.assertj.core.groups.Tuple;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ProjectionTest
class StockMovementProjectionTest {

    private static final PageQuery NEWEST_FIRST = new PageQuery(0, 50, null, false);
    private static final Map<String, String> STOREKEEPER = Map.of(StockMovementProjection.USER_ID, "storekeeper-client");

    private final StockMovementProjection projection;
    private final ProjectionFeed feed;
    private final StockItemId pads = StockItemId.random();
    private final WorkOrderId workOrder = WorkOrderId.random();

    StockMovementProjectionTest(@Autowired StockMovementProjection projection, @Autowired ProjectionFeeds feeds) {
        this.projection = projection;
        this.feed = feeds.feed(projection);
    }

    // --- one ledger line per movement

    @Test
    void receiptIsRecordedWithItsTimeQuantityAndUser() {
        DomainEventMessage<?> receipt = receive(pads, "12.5");

        assertThat(ledger(pads)).containsExactly(
                new StockMovementView(receipt.getTimestamp(), Type.RECEIPT, new BigDecimal("12.5"), null, null,
                        "storekeeper-client"));
    }

    @Test
    void adjustmentIsRecordedSignedWithItsReason() {
        receive(pads, "10");
        feed.publish(new StockAdjusted(pads, new BigDecimal("-2"), "damaged in transit"), STOREKEEPER);

        assertThat(newest(pads)).satisfies(m -> {
            assertThat(m.type()).isEqualTo(Type.ADJUSTMENT);
            assertThat(m.quantity()).isEqualTo(new BigDecimal("-2"));
            assertThat(m.reason()).isEqualTo("damaged in transit");
        });
    }

    @Test
    void reservationAndFilledBackorderAreBothReservationsForTheWorkOrder() {
        receive(pads, "10");
        feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));
        feed.publish(new BackorderFilled(pads, workOrder, LineId.random(), new BigDecimal("3")));

        assertThat(ledger(pads)).extracting(StockMovementView::type, StockMovementView::quantity,
                        StockMovementView::workOrderId)
                .startsWith(tuple(Type.RESERVATION, "3", workOrder), tuple(Type.RESERVATION, "4", workOrder));
    }

    @Test
    void releasedReservationAndIssuedStockAreRecordedForTheWorkOrder() {
        receive(pads, "10");
        feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));
        feed.publish(new ReservationReleased(pads, workOrder, LineId.random(), new BigDecimal("1"), false));
        feed.publish(new ReservedStockIssued(pads, workOrder, LineId.random(), new BigDecimal("3")));

        assertThat(ledger(pads)).extracting(StockMovementView::type, StockMovementView::quantity,
                        StockMovementView::workOrderId)
                .startsWith(tuple(Type.ISSUE, "3", workOrder), tuple(Type.RELEASE, "1", workOrder));
    }

    @Test
    void eventsThatMoveNoStockAreNotInTheLedger() {
        feed.publish(new StockItemRegistered(pads, "BRK-001", "Brake pad set", "set", BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.ONE, null));
        feed.publish(new StockBackordered(pads, workOrder, LineId.random(), new BigDecimal("3")));
        feed.publish(new ReservationReleased(pads, workOrder, LineId.random(), new BigDecimal("3"), true));
        feed.publish(new ReservationRejected(pads, workOrder, LineId.random(), BigDecimal.ONE,
                ErrorCode.ITEM_DISCONTINUED));

        assertThat(ledger(pads)).isEmpty();
    }

    @Test
    void movementWithoutAUserInItsMetadataHasNoBy() {
        feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));

        assertThat(newest(pads).by()).isNull();
    }

    // --- redelivery

    @Test
    void eventDeliveredAgainAddsNoLineWheneverItComes() {
        var first = receive(pads, "10");
        var second = feed.publish(new StockReserved(pads, workOrder, LineId.random(), new BigDecimal("4")));
        receive(pads, "5");
        assertThat(page(pads, NEWEST_FIRST).totalItems()).isEqualTo(3);

        feed.assertRedeliveryChangesNothing(() -> page(pads, NEWEST_FIRST), second, second, first);
    }

    // --- the ledger as listed

    @Test
    void ledgerIsNewestFirstUnlessSortedByTimeAscending() {
        receive(pads, "1");
        receive(pads, "2");
        receive(pads, "3");

        assertThat(quantities(NEWEST_FIRST)).containsExactly("3", "2", "1");
        assertThat(quantities(new PageQuery(0, 50, "at", false))).containsExactly("1", "2", "3");
        assertThat(quantities(new PageQuery(0, 50, "at", true))).containsExactly("3", "2", "1");
        Pages.assertSortsByEveryAllowedField(FindStockMovements.sortFields(),
                field -> quantities(new PageQuery(0, 50, field, false)), "quantity");
    }

    @Test
    void ledgerOrderIsTheItemsEventOrderNotItsClock() {
        feed.setClock(ProjectionFeed.START.plusSeconds(3600));
        receive(pads, "1");
        feed.setClock(ProjectionFeed.START);
        receive(pads, "10");

        assertThat(quantities(NEWEST_FIRST)).containsExactly("10", "1");
    }

    @Test
    void ledgerShowsOnlyTheItemsOwnMovementsPageByPage() {
        StockItemId oil = StockItemId.random();
        for (int i = 1; i <= 5; i++) {
            receive(pads, String.valueOf(i));
        }
        receive(oil, "99");

        PageView<StockMovementView> page = page(pads, new PageQuery(1, 2, null, false));

        assertThat(page.items()).extracting(m -> m.quantity().toPlainString()).containsExactly("3", "2");
        assertThat(List.of(page.page(), page.size(), page.totalItems(), page.totalPages()))
                .containsExactly(1, 2, 5L, 3);
    }

    // --- reset and replay

    @Test
    void resetEmptiesTheLedgerAndReplayRebuildsTheSameAnswers() {
        StockItemId oil = StockItemId.random();
        receive(pads, "20");
        receive(oil, "50");
        LineId line = LineId.random();
        feed.publish(new StockReserved(pads, workOrder, line, new BigDecimal("4")), STOREKEEPER);
        feed.publish(new StockAdjusted(oil, new BigDecimal("-0.5"), "spilled"), STOREKEEPER);
        feed.publish(new ReservedStockIssued(pads, workOrder, line, new BigDecimal("4")));

        feed.assertRebuildGivesTheSameAnswers(() -> List.of(page(pads, NEWEST_FIRST), page(oil, NEWEST_FIRST)));
    }

    // --- helpers

    private DomainEventMessage<?> receive(StockItemId item, String quantity) {
        return feed.publish(new StockReceived(item, new BigDecimal(quantity), new BigDecimal("12.50"), "Brembo",
                "PO-77", new BigDecimal("12.50")), STOREKEEPER);
    }

    private static Tuple tuple(Type type, String quantity, WorkOrderId workOrder) {
        return Tuple.tuple(type, new BigDecimal(quantity), workOrder);
    }

    private List<StockMovementView> ledger(StockItemId item) {
        return page(item, NEWEST_FIRST).items();
    }

    private StockMovementView newest(StockItemId item) {
        return ledger(item).get(0);
    }

    private List<String> quantities(PageQuery page) {
        return Pages.each(page(pads, page), m -> m.quantity().toPlainString());
    }

    private PageView<StockMovementView> page(StockItemId item, PageQuery page) {
        return Pages.typed(projection.handle(new FindStockMovements(item, page)));
    }
}
