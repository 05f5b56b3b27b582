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
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The second processor of a blue/green rebuild, made at run time beside the live one (Axon's
 * configuration only builds processors at start-up, so it is built the way the configuration builds a
 * pooled one): the live processor's own handler objects and sequencing policy, its own name and so its
 * own tokens ({@code <processor>@copy}), the same segment count, a tail token without the replay flag
 * (to the handlers the copy is a view seeing every event for the first time), large batches, and
 * transactions in the copy's schema ({@link ViewSchemas#transactionsIn}). The copy of a dead-lettered
 * projection whose sequences are its aggregates (not one in stored order, where a parked event would hold
 * every later one: that copy retries the event, ERROR, until it goes through) parks what it fails on (in the handler, or when written: {@link WriteFailureIsolation}) in
 * a queue of its own, {@code <processor>@copy}, and goes on; the switch waits until that queue is empty
 * (the letters retried after a fix, or evicted): a copy that skipped an event never replaces the live view
 * unasked. Any instance can retry a copy's letter: the handlers and the copy's tables are the same there.
 */
public class ViewCopies {

    /** Events per transaction while building a copy: nobody reads it yet, so throughput over latency. */
    public static final int BATCH_SIZE = 1000;

    private static final String COPY = "@copy";

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int batchSize;
    private final Set<String> deadLettered;
    private final Parts parts;
    private final Map<String, CopyDeadLetters> deadLetters = new ConcurrentHashMap<>();

    /**
     * What a copy is made of besides the live processor's handlers: the configuration's handler definition
     * and parameter resolvers (so the handler enhancers apply to the copy as to the live view), and for a
     * dead-lettered projection its queue and the interceptor that finds events that fail when written.
     */
    public interface Parts {
        HandlerDefinition handlerDefinition(Class<?> handlerType);

        ParameterResolverFactory parameterResolvers();

        SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup, TransactionManager transactions);

        MessageHandlerInterceptor<EventMessage<?>> interceptor(String processingGroup);
    }

    public ViewCopies(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokenStore,
                      TransactionManager transactions, int batchSize, Set<String> deadLettered, Parts parts) {
        this.events = events;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.deadLettered = Set.copyOf(deadLettered);
        this.parts = parts;
    }

    /** The live processors whose copies park what they fail on. */
    public Set<String> withDeadLetters() {
        return deadLettered;
    }

    public static String copyName(String processor) {
        return processor + COPY;
    }

    /** The live processor a copy's name stands for; empty for a name that is not a copy's. */
    public static Optional<String> liveName(String name) {
        return name.endsWith(COPY) ? Optional.of(name.substring(0, name.length() - COPY.length())) : Optional.empty();
    }

    /** A copy's queue and the invoker that parks in it and retries from it (the copy's handlers, its tables). */
    public record CopyDeadLetters(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                  DeadLetteringEventHandlerInvoker processor) {
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
        String name = copyName(live.getName());
        CopyDeadLetters parked = deadLettered.contains(live.getName()) ? deadLetters(live) : null;
        EventHandlerInvoker invoker = parked != null ? parked.processor()
                : handlersOf(handlers).into(SimpleEventHandlerInvoker.builder(), parts).build();
        int threads = Math.max(1, segments);
        ScheduledExecutorService coordinator = executor("Coordinator[" + name + "]", 1);
        ScheduledExecutorService workers = executor("WorkPackage[" + name + "]", threads);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
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
                .build();
        if (parked != null) {
            processor.registerHandlerInterceptor(parts.interceptor(name));
        }
        return new Copy(processor, List.of(coordinator, workers));
    }

    /** The copy's dead letters of a dead-lettered projection, made once per instance (any instance may retry). */
    public CopyDeadLetters deadLetters(StreamingEventProcessor live) {
        return deadLetters.computeIfAbsent(live.getName(), liveName -> {
            if (!(live instanceof AbstractEventProcessor handlers)) {
                throw new IllegalStateException(liveName + " is not a processor whose handlers can be copied");
            }
            TransactionManager inCopy = ViewSchemas.transactionsIn(ViewSchemas.schemaFor(liveName), transactions);
            SequencedDeadLetterQueue<EventMessage<?>> queue = parts.queue(copyName(liveName), inCopy);
            return new CopyDeadLetters(queue, handlersOf(handlers).into(DeadLetteringEventHandlerInvoker.builder()
                    .queue(queue)
                    .enqueuePolicy(DeadLetterQueues.COUNTING_ATTEMPTS)
                    .transactionManager(inCopy), parts).build());
        });
    }

    /** The live processor's handler objects and sequencing policy, which every copy of it shares. */
    private record Handlers(List<Object> objects, SequencingPolicy<? super EventMessage<?>> policy) {

        <B extends SimpleEventHandlerInvoker.Builder<?>> B into(B builder, Parts parts) {
            builder.eventHandlers(objects).listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .parameterResolverFactory(parts.parameterResolvers())
                    .handlerDefinition(parts.handlerDefinition(objects.get(0).getClass()));
            if (policy != null) {
                builder.sequencingPolicy(policy);
            }
            return builder;
        }
    }

    private static Handlers handlersOf(AbstractEventProcessor live) {
        List<Object> handlerObjects = new ArrayList<>();
        List<SequencingPolicy<? super EventMessage<?>>> policies = new ArrayList<>();
        collect(live.eventHandlerInvoker(), handlerObjects, policies);
        if (handlerObjects.isEmpty()) {
            throw new IllegalStateException(live.getName() + " has no event handlers to copy");
        }
        return new Handlers(handlerObjects, policies.isEmpty() ? null : policies.get(0));
    }

    private static void collect(EventHandlerInvoker invoker, List<Object> handlers,
                                List<SequencingPolicy<? super EventMessage<?>>> policies) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers, policies));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            // (a DeadLetteringEventHandlerInvoker is one: its handlers are copied, its queue is not)
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
