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
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The second processor of a blue/green rebuild, made at run time beside the live one (Axon's
 * configuration only builds processors at start-up, so it is built the way the configuration builds a
 * pooled one): the live processor's own handler objects and sequencing policy, its own name and so its
 * own tokens ({@code <processor>@copy}), the same segment count, a tail token without the replay flag
 * (to the handlers the copy is a view seeing every event for the first time), large batches, and
 * transactions in the copy's schema ({@link ViewSchemas#transactionsIn}). A copy of a projection with a
 * dead-letter queue has one of its own (processing group {@code <processor>@copy}, in the default
 * schema's {@code dead_letter_entry}): an event it fails on is parked with its sequence and the copy goes
 * on; the switch hands those letters to the live queue ({@link RebuildCoordinator}).
 */
public class ViewCopies {

    /** Events per transaction while building a copy: nobody reads it yet, so throughput over latency. */
    public static final int BATCH_SIZE = 1000;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int batchSize;
    private final Function<String, SequencedDeadLetterQueue<EventMessage<?>>> deadLetters;

    /** @param deadLetters the dead-letter queue of a processing group */
    public ViewCopies(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokenStore,
                      TransactionManager transactions, int batchSize,
                      Function<String, SequencedDeadLetterQueue<EventMessage<?>>> deadLetters) {
        this.events = events;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.deadLetters = deadLetters;
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
        String name = copyName(live.getName());
        TransactionManager inCopy = ViewSchemas.transactionsIn(schema, transactions);
        SimpleEventHandlerInvoker.Builder<?> invoker = parksEvents(handlers.eventHandlerInvoker())
                ? DeadLetteringEventHandlerInvoker.builder()
                        .queue(deadLetters.apply(name))
                        .enqueuePolicy(DeadLetterQueues.COUNTING_ATTEMPTS)
                        .transactionManager(inCopy)
                : SimpleEventHandlerInvoker.builder();
        invoker.eventHandlers(handlerObjects).listenerInvocationErrorHandler(PropagatingErrorHandler.instance());
        if (!policies.isEmpty()) {
            invoker.sequencingPolicy(policies.get(0));
        }
        int threads = Math.max(1, segments);
        ScheduledExecutorService coordinator = executor("Coordinator[" + name + "]", 1);
        ScheduledExecutorService workers = executor("WorkPackage[" + name + "]", threads);
        return new Copy(PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker.build())
                .messageSource(events)
                .tokenStore(tokenStore)
                .transactionManager(inCopy)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(threads)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .claimExtensionThreshold(1000)
                .tokenClaimInterval(1000)
                .build(), List.of(coordinator, workers));
    }

    private static boolean parksEvents(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().anyMatch(ViewCopies::parksEvents);
        }
        return invoker instanceof DeadLetteringEventHandlerInvoker;
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
