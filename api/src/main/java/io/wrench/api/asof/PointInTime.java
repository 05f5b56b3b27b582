package io.wrench.api.asof;

import io.wrench.query.customer.messages.CustomerDetails;
import io.wrench.query.customer.messages.FindCustomer;
import io.wrench.query.inventory.messages.FindStockItem;
import io.wrench.query.workorder.messages.FindWorkOrder;
import io.wrench.shared.workorder.WorkOrderOpened;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers a detail query as it would have been answered at an instant: the events of the aggregate,
 * and of the aggregates whose data its detail shows (a work order's customer; a customer's work
 * orders), up to that instant, replayed through the live projections' own classes into
 * {@link PointInTimeViews}, then the live query handler's answer there. One home for every rule: the
 * detail as of then is computed by the code that computed it then (as far as that code is unchanged).
 * <p>
 * An aggregate's history up to an instant is the prefix of its stream whose events are stamped no later
 * than the instant (clocks of several instances may disagree a little; an aggregate's own order is
 * never broken). The streams are merged by timestamp; on equal stamps the aggregates a detail takes
 * data from come first, as they must have been written first. Works on either event store: it reads
 * through Axon's {@link EventStore}, upcasters applied.
 */
@Component
public class PointInTime implements DisposableBean {

    private final EventStore eventStore;
    private final QueryGateway live;
    private volatile Views views;

    PointInTime(EventStore eventStore, QueryGateway live) {
        this.eventStore = eventStore;
        this.live = live;
    }

    /** The answer to a {@link FindWorkOrder}, {@link FindCustomer} or {@link FindStockItem} as of {@code at}. */
    public <T> Optional<T> answer(Object query, Class<T> type, Instant at) {
        List<List<DomainEventMessage<?>>> streams = streamsFor(query, at);
        List<DomainEventMessage<?>> history = merged(streams);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        return views().answer(history, query, type);
    }

    /** The streams a detail reads, those it takes data from first. */
    private List<List<DomainEventMessage<?>>> streamsFor(Object query, Instant at) {
        List<List<DomainEventMessage<?>>> streams = new ArrayList<>();
        if (query instanceof FindWorkOrder find) {
            List<DomainEventMessage<?>> workOrder = upTo(find.workOrderId().toString(), at);
            workOrder.stream().map(DomainEventMessage::getPayload).filter(WorkOrderOpened.class::isInstance)
                    .map(p -> ((WorkOrderOpened) p).customerId()).findFirst()
                    .ifPresent(customer -> streams.add(upTo(customer.toString(), at)));
            streams.add(workOrder);
        } else if (query instanceof FindCustomer find) {
            streams.add(upTo(find.customerId().toString(), at));
            for (String workOrder : workOrdersOf(find)) {
                streams.add(upTo(workOrder, at));
            }
        } else if (query instanceof FindStockItem find) {
            streams.add(upTo(find.itemId().toString(), at));
        } else {
            throw new IllegalArgumentException("no point-in-time answer for " + query.getClass().getSimpleName());
        }
        return streams;
    }

    /** Every work order the customer ever had: a work order never changes customer, so today's list holds them all. */
    private Set<String> workOrdersOf(FindCustomer find) {
        return live.query(find, ResponseTypes.optionalInstanceOf(CustomerDetails.class)).join()
                .map(c -> c.workOrders().stream().map(w -> w.id().toString())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
    }

    private List<DomainEventMessage<?>> upTo(String aggregateId, Instant at) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Iterator<? extends DomainEventMessage<?>> stream = eventStore.readEvents(aggregateId, 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(at)) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /** Merges the streams by timestamp, each kept in its own order; ties go to the stream listed first. */
    static List<DomainEventMessage<?>> merged(List<List<DomainEventMessage<?>>> streams) {
        List<DomainEventMessage<?>> merged = new ArrayList<>();
        int[] next = new int[streams.size()];
        while (true) {
            int pick = -1;
            for (int s = 0; s < streams.size(); s++) {
                if (next[s] < streams.get(s).size() && (pick < 0 || streams.get(s).get(next[s]).getTimestamp()
                        .isBefore(streams.get(pick).get(next[pick]).getTimestamp()))) {
                    pick = s;
                }
            }
            if (pick < 0) {
                return merged;
            }
            merged.add(streams.get(pick).get(next[pick]++));
        }
    }

    private Views views() {
        Views current = views;
        if (current == null) {
            synchronized (this) {
                current = views;
                if (current == null) {
                    current = new Views();
                    views = current;
                }
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Views current = views;
        if (current != null) {
            current.context.close();
        }
    }

    /** The scratch context, its projections as event handlers and its query handlers on a bus of their own. */
    private static final class Views {

        private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
        private final SimpleQueryBus queries = SimpleQueryBus.builder().build();
        private final TransactionTemplate transaction;

        Views() {
            // the application's loader, not the calling thread's (a web server's request thread has its own)
            context.setClassLoader(PointInTime.class.getClassLoader());
            context.register(PointInTimeViews.class);
            context.refresh();
            for (String name : context.getBeanDefinitionNames()) {
                Object bean = context.getBean(name);
                String simpleName = bean.getClass().getSimpleName();
                if (simpleName.endsWith("Projection")) {
                    projections.add(new AnnotationEventHandlerAdapter(bean));
                }
                if (simpleName.endsWith("Projection") || simpleName.endsWith("Queries")) {
                    new AnnotationQueryHandlerAdapter<>(bean).subscribe(queries);
                }
            }
            transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        }

        /** One at a time: the scratch database has a single connection (see {@link PointInTimeViews}). */
        synchronized <T> Optional<T> answer(List<DomainEventMessage<?>> history, Object query, Class<T> type) {
            return transaction.execute(status -> {
                status.setRollbackOnly();
                for (DomainEventMessage<?> event : history) {
                    for (AnnotationEventHandlerAdapter projection : projections) {
                        if (projection.canHandle(event)) {
                            handle(projection, event);
                        }
                    }
                }
                return queries.query(new GenericQueryMessage<>(query, ResponseTypes.optionalInstanceOf(type)))
                        .join().getPayload();
            });
        }

        private static void handle(AnnotationEventHandlerAdapter projection, DomainEventMessage<?> event) {
            try {
                projection.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("replaying " + event.getPayloadType().getSimpleName(), e);
            }
        }
    }
}
