package io.wrench.api.dashboard;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.support.HttpTestSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** HTTP tests over a {@link ShopHistory} stored straight into the event store, as the aggregates would have. */
abstract class GeneratedHistorySupport extends HttpTestSupport {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    ProjectionAdmin admin;

    /** Generates and stores a history ending an hour ago; returns its events. */
    List<DomainEventMessage<?>> store(long seed, int workOrders, int stockItems, int batchSize) {
        List<DomainEventMessage<?>> history = ShopHistory.generate(seed,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)), workOrders, stockItems);
        for (int i = 0; i < history.size(); i += batchSize) {
            List<DomainEventMessage<?>> batch = history.subList(i, Math.min(history.size(), i + batchSize));
            transactions.executeInTransaction(() -> eventStore.publish(batch));
        }
        return history;
    }
}
