package io.wrench.api.cluster;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The second processor of a blue/green rebuild, made at run time beside the live one (Axon's
 * configuration only builds processors at start-up, so it is built the way the configuration builds a
 * pooled one): the live processor's own handler objects and sequencing policy, its own name and so its
 * own tokens ({@code <processor>@copy}), the same segment count, a tail token without the replay flag
 * (to the handlers the copy is a view seeing every event for the first time), large batches, and
 * transactions in the copy's schema ({@link ViewSchemas#transactionsIn}). It has no dead-letter queue:
 * a failing event is retried (the copy shows ERROR) and the switch waits.
 */
public class ViewCopies {

    /** Events per transaction while building a copy: nobody reads it yet, so throughput over latency. */
    public static final int BATCH_SIZE = 1000;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int batchSize;

    public ViewCopies(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokenStore,
                      TransactionManager transactions, int batchSize) {
        this.events = events;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    public static String copyName(String processor) {
        return processor + "@copy";
    }

    /** A running copy: its processor, and the threads made for it (stopped with it). */
    public record Copy(StreamingEventProcessor processor, List<ScheduledExecutorService> executors) {

        public void stop() {
            try {
                processor.shutDown();
            } finally {
                executors.forEach(ScheduledExecutorService::shutdownNow);
            }
        }
    }

    public Copy create(StreamingEventProcessor live, String schema, int segments) {
        if (!(live instanceof AbstractEventProcessor handlers)) {
            throw new IllegalStateException(live.getName() + " is not a processor whose handlers can be copied");
        }
        List<Object> handlerObjects = new ArrayList<>();
        List<SequencingPolicy<? super EventMessage<?>>> policies = new ArrayList<>();
        collect(handlers.eventHandlerInvoker(), handlerObjects, policies);
        if (handlerObjects.isEmpty()) {
            throw new IllegalStateException(live.getName() + " has no event handlers to copy");
        }
        SimpleEventHandlerInvoker.Builder<?> invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlerObjects)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance());
        if (!policies.isEmpty()) {
            invoker.sequencingPolicy(policies.get(0));
        }
        String name = copyName(live.getName());
        int threads = Math.max(1, segments);
        ScheduledExecutorService coordinator = executor("Coordinator[" + name + "]", 1);
        ScheduledExecutorService workers = executor("WorkPackage[" + name + "]", threads);
        return new Copy(PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker.build())
                .messageSource(events)
                .tokenStore(tokenStore)
                .transactionManager(ViewSchemas.transactionsIn(schema, transactions))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(threads)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .claimExtensionThreshold(1000)
                .tokenClaimInterval(1000)
                .build(), List.of(coordinator, workers));
    }

    private static void collect(EventHandlerInvoker invoker, List<Object> handlers,
                                List<SequencingPolicy<? super EventMessage<?>>> policies) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers, policies));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
            policies.add(simple.getSequencingPolicy());
        } else {
            throw new IllegalStateException("cannot copy the handlers of " + invoker.getClass().getName());
        }
    }

    private static ScheduledExecutorService executor(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(threads, r -> {
            Thread thread = new Thread(r, name + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }
}
