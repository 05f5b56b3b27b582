package io.wrench.api.inventory;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.api.support.Rebuilds;
import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.command.inventory.messages.ReleaseReservation;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryRebuildHttpTest extends HttpTestSupport {

    private static final String[] PROJECTIONS = {"stock-item-projection", "stock-movement-projection"};

    @Autowired
    ProjectionAdmin admin;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_replay_rebuilds_exactly_the_same_answers() throws InterruptedException {
        String tag = unique("rebuild");
        String first = newStockItem(tag + "-A", "First").id();
        String second = newStockItem(tag + "-B", "Second").id();
        api.as(Role.STOREKEEPER).post(items(first) + "/receipts", Map.of("quantity", 7, "unitCost", 3.333));
        api.as(Role.STOREKEEPER).post(items(first) + "/receipts", Map.of("quantity", 1.25, "unitCost", 4));
        api.as(Role.MANAGER).post(items(first) + "/adjustments", Map.of("quantityDelta", -0.25, "reason", "spilt"));
        api.as(Role.STOREKEEPER).patch(items(second), Map.of("location", "Z-99", "reorderLevel", 1));
        WorkOrderId workOrder = WorkOrderId.random();
        LineId line = LineId.random();
        commands.sendAndWait(new ReserveStock(StockItemId.of(first), workOrder, line, new BigDecimal("2")));
        commands.sendAndWait(new ReserveStock(StockItemId.of(first), workOrder, LineId.random(), new BigDecimal("50")));
        commands.sendAndWait(new ReleaseReservation(StockItemId.of(first), workOrder, line));
        Api.Response last = api.as(Role.MANAGER).post(items(second) + "/discontinue", null);

        List<String> paths = List.of("/api/inventory/items?search=" + tag, items(first), items(second),
                items(first) + "/movements", items(second) + "/movements");
        List<String> before = new ArrayList<>();
        for (String path : paths) {
            Api.Response answer = readAfter(last, Role.ANALYST, path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            before.add(answer.body());
        }
        assertThat(before.get(3)).contains("RELEASE").contains("RESERVATION").contains("ADJUSTMENT");
        // spoil both views: only a replay from an emptied table gives the answers back
        jdbc.update("update stock_item_view set on_hand = 999, version = 999 where id = ?", UUID.fromString(first));
        jdbc.update("delete from stock_movement_view where item_id = ?", UUID.fromString(first));
        jdbc.update("insert into stock_movement_view (event_id, item_id, sequence_number, occurred_at, movement_type, "
                + "quantity) values (?, ?, 999, current_timestamp, 'ISSUE', 1)", unique("spoilt"), UUID.fromString(first));

        Rebuilds.rebuildAndWait(admin, PROJECTIONS);

        for (int i = 0; i < paths.size(); i++) {
            assertThat(api.as(Role.ANALYST).get(paths.get(i)).body()).as(paths.get(i)).isEqualTo(before.get(i));
        }
    }

    private static String items(String id) {
        return "/api/inventory/items/" + id;
    }


    /** Every segment claimed (their shares add up to the whole stream) and at or past the head. */
    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        double covered = status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        return processor.isRunning() && Math.abs(covered - 1.0) < 1e-9 && status.values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1L) >= head);
    }
}
