package io.wrench.api.dashboard;

import io.wrench.api.support.HttpTestSupport;
import io.wrench.query.dashboard.DashboardHandlers;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderOpened;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard projection handles an event once, however often it is delivered, and never skips one it
 * has not handled: it asks the database whether it saw an event only when the event is not above the
 * position it stands at (a redelivery, or an event committed late into a gap of the index); above it,
 * it cannot have seen it. What a batch gathers to write at its commit counts too.
 * <p>
 * The handler is called as its processor calls it, in one transaction that is rolled back at the end
 * (the flushes write what the batch gathered, as a commit would), so the live view is left as it was.
 */
class DashboardRedeliveryHttpTest extends HttpTestSupport {

    private static final String OPEN = "workOrders.byStatus.OPEN";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_event_is_counted_once_however_often_it_comes_and_one_below_the_position_that_was_never_seen_is_counted() {
        DashboardHandlers projection = DashboardHandlers.of(context);
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            long stored = jdbc.queryForObject("select position from dashboard_state where id = 1", Long.class);
            BigDecimal before = open();
            var first = opened(stored + 1);

            deliver(projection, first);
            assertThat(open()).as("a new event above the position").isEqualByComparingTo(before.add(BigDecimal.ONE));
            deliver(projection, first);
            assertThat(open()).as("the same event again, now written").isEqualByComparingTo(before.add(BigDecimal.ONE));

            deliver(projection, opened(stored));
            assertThat(open()).as("an event below the position never seen (a gap filled late)")
                    .isEqualByComparingTo(before.add(BigDecimal.valueOf(2)));

            var third = opened(stored + 2);
            projection.deliver(third, new GlobalSequenceTrackingToken(stored + 2));
            deliver(projection, third);
            assertThat(open()).as("the same event twice in one batch").isEqualByComparingTo(before.add(BigDecimal.valueOf(3)));
            assertThat(jdbc.queryForObject("select count(*) from dashboard_contribution where event_id = ?", Integer.class,
                    third.getIdentifier())).isEqualTo(1);
            transaction.setRollbackOnly();
        });
    }

    /** Delivers the event at its position, then writes what the batch gathered (as its commit would). */
    private static void deliver(DashboardHandlers projection, GenericDomainEventMessage<WorkOrderOpened> message) {
        projection.deliver(message, new GlobalSequenceTrackingToken(position(message)));
        TransactionSynchronizationUtils.triggerFlush();
    }

    private static GenericDomainEventMessage<WorkOrderOpened> opened(long position) {
        WorkOrderId id = new WorkOrderId(UUID.randomUUID());
        var event = new WorkOrderOpened(id, "WO-TEST-" + position, new CustomerId(UUID.randomUUID()), null,
                "Redelivered", Priority.NORMAL, null);
        return new GenericDomainEventMessage<>("WorkOrder", id.value().toString(), 0, event,
                java.util.Map.of("position", position));
    }

    private static long position(GenericDomainEventMessage<?> message) {
        return ((Number) message.getMetaData().get("position")).longValue();
    }

    private BigDecimal open() {
        return jdbc.queryForList("select amount from dashboard_counter where figure = ?", BigDecimal.class, OPEN)
                .stream().findFirst().orElse(BigDecimal.ZERO);
    }
}
