package io.wrench.api.workorder;

import io.wrench.api.support.Waiting;
import io.wrench.api.WrenchApplication;
import io.wrench.command.customer.messages.RegisterCustomer;
import io.wrench.command.inventory.messages.ReceiveStock;
import io.wrench.command.inventory.messages.RegisterStockItem;
import io.wrench.command.workorder.messages.AddPartLine;
import io.wrench.command.workorder.messages.OpenWorkOrder;
import io.wrench.query.inventory.messages.FindStockItem;
import io.wrench.query.inventory.messages.StockItemView;
import io.wrench.query.workorder.messages.FindWorkOrder;
import io.wrench.query.workorder.messages.WorkOrderDetails;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.PartLineBackordered;
import io.wrench.shared.workorder.PartLineReserved;
import io.wrench.shared.workorder.PartLineStatus;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts process survives a stop in the middle: the application is closed as soon as the part lines
 * are added, and a second application on the same (file-based H2) database finishes the work. Every
 * line ends RESERVED or BACKORDERED exactly once. Its own application contexts, H2 only.
 */
class WorkOrderRestartTest {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderRestartTest.class);
    private static final int LINES = 20;
    private static final int IN_STOCK = 12;

    @TempDir
    Path directory;

    @Test
    void part_lines_in_flight_at_a_stop_settle_exactly_once_after_the_restart() {
        String database = "jdbc:h2:file:" + directory.resolve("wrench").toAbsolutePath()
                + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";
        StockItemId item = StockItemId.random();
        WorkOrderId workOrder = WorkOrderId.random();
        List<LineId> lines = IntStream.range(0, LINES).mapToObj(i -> LineId.random()).toList();

        try (ConfigurableApplicationContext first = start(database)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            CustomerId customer = CustomerId.random();
            commands.sendAndWait(new RegisterCustomer(customer, "Restart Ltd", customer + "@example.com", null, null));
            commands.sendAndWait(new RegisterStockItem(item, "RESTART-" + UUID.randomUUID(), "Oil filter", "pcs",
                    BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("4.00"), null));
            commands.sendAndWait(new ReceiveStock(item, BigDecimal.valueOf(IN_STOCK), new BigDecimal("4.00"), null,
                    null, null));
            commands.sendAndWait(new OpenWorkOrder(workOrder, customer, null, "Fleet service", null, null,
                    LocalDate.now(ZoneOffset.UTC)));
            for (LineId line : lines) {
                commands.sendAndWait(new AddPartLine(workOrder, line, item, BigDecimal.ONE, null, null));
            }
            log.info("Stopping with {} of {} lines answered by inventory", answered(first, workOrder).size(), LINES);
        }

        try (ConfigurableApplicationContext second = start(database)) {
            QueryGateway queries = second.getBean(QueryGateway.class);
            Waiting.until(() -> settled(second, workOrder, item), Duration.ofSeconds(60), Duration.ofMillis(100),
                    "every line settled after the restart");

            Map<LineId, Long> answers = answered(second, workOrder);
            assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(lines);
            assertThat(answers.values()).as("answers per line on the work order").containsOnly(1L);

            List<Object> itemHistory = history(second, item.toString());
            List<LineId> reserved = itemHistory.stream().filter(StockReserved.class::isInstance)
                    .map(e -> ((StockReserved) e).lineId()).toList();
            List<LineId> backordered = itemHistory.stream().filter(StockBackordered.class::isInstance)
                    .map(e -> ((StockBackordered) e).lineId()).toList();
            assertThat(reserved).doesNotHaveDuplicates().hasSize(IN_STOCK);
            assertThat(backordered).doesNotHaveDuplicates().hasSize(LINES - IN_STOCK);
            assertThat(reserved).doesNotContainAnyElementsOf(backordered);

            StockItemView stock = stock(queries, item);
            assertThat(stock.reserved()).isEqualByComparingTo(BigDecimal.valueOf(IN_STOCK));
            assertThat(stock.backordered()).isEqualByComparingTo(BigDecimal.valueOf(LINES - IN_STOCK));
            assertThat(details(queries, workOrder).partLines().stream()
                    .collect(Collectors.groupingBy(WorkOrderDetails.PartLine::status, Collectors.counting())))
                    .isEqualTo(Map.of(PartLineStatus.RESERVED, (long) IN_STOCK, PartLineStatus.BACKORDERED,
                            (long) (LINES - IN_STOCK)));
        }
    }

    /** The work order answered for every line, and both read sides show all of them. */
    private static boolean settled(ConfigurableApplicationContext context, WorkOrderId workOrder, StockItemId item) {
        if (answered(context, workOrder).size() < LINES) {
            return false;
        }
        QueryGateway queries = context.getBean(QueryGateway.class);
        StockItemView stock = stock(queries, item);
        WorkOrderDetails details = details(queries, workOrder);
        return stock != null && details != null
                && stock.reserved().add(stock.backordered()).compareTo(BigDecimal.valueOf(LINES)) == 0
                && details.partLines().stream().noneMatch(line -> line.status() == PartLineStatus.PENDING);
    }

    private static StockItemView stock(QueryGateway queries, StockItemId item) {
        return queries.query(new FindStockItem(item), ResponseTypes.optionalInstanceOf(StockItemView.class))
                .join().orElse(null);
    }

    private static WorkOrderDetails details(QueryGateway queries, WorkOrderId workOrder) {
        return queries.query(new FindWorkOrder(workOrder), ResponseTypes.optionalInstanceOf(WorkOrderDetails.class))
                .join().orElse(null);
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(WrenchApplication.class).run(
                "--spring.profiles.active=restart-test",
                "--spring.datasource.url=" + database,
                "--server.port=0");
    }

    /** How many times the work order recorded inventory's answer (reserved or backordered), per line. */
    private static Map<LineId, Long> answered(ConfigurableApplicationContext context, WorkOrderId workOrder) {
        return history(context, workOrder.toString()).stream()
                .map(event -> event instanceof PartLineReserved r ? r.lineId()
                        : event instanceof PartLineBackordered b ? b.lineId() : null)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<Object> history(ConfigurableApplicationContext context, String aggregateId) {
        return context.getBean(EventStore.class).readEvents(aggregateId, 0L).asStream()
                .map(event -> (Object) event.getPayload()).toList();
    }
}
