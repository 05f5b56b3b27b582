package io.wrench.api.cluster;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class WakingEventStoreTest {

    private final WakingEventStore store = new WakingEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            // far longer than the waits below: only a wake-up, not the store's own polling, can explain a pass
            .fetchDelay(60_000));
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        store.shutDown();
    }

    @Test
    void a_stream_offers_a_callback_that_runs_once_a_published_event_can_be_read_from_it() throws Exception {
        TrackingEventStream stream = store.openStream(null);
        AtomicBoolean readableWhenWoken = new AtomicBoolean();
        CountDownLatch woken = new CountDownLatch(1);
        boolean supported = stream.setOnAvailableCallback(() -> {
            readableWhenWoken.set(stream.hasNextAvailable());
            woken.countDown();
        });
        assertThat(supported).as("the pooled coordinator then waits for the callback, not 500 ms").isTrue();
        // let the watcher reach the (empty) head before the event is published
        awaitWatcherAtHead();

        store.publish(GenericEventMessage.asEventMessage("first"));

        assertThat(woken.await(10, TimeUnit.SECONDS)).as("woken after the publication").isTrue();
        assertThat(readableWhenWoken).as("the event is there to read when the reader is woken").isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
    }

    @Test
    void a_closed_stream_is_no_longer_woken() {
        TrackingEventStream stream = store.openStream(null);
        stream.setOnAvailableCallback(() -> { });
        TrackingEventStream other = store.openStream(null);
        other.setOnAvailableCallback(() -> { });
        assertThat(store.waitingReaders()).isEqualTo(2);

        stream.close();

        assertThat(store.waitingReaders()).isEqualTo(1);
    }

    @Test
    void a_failing_callback_does_not_keep_the_others_from_being_woken() {
        List<String> ran = new CopyOnWriteArrayList<>();
        store.openStream(null).setOnAvailableCallback(() -> { throw new IllegalStateException("broken reader"); });
        store.openStream(null).setOnAvailableCallback(() -> ran.add("second"));

        store.wakeReaders();

        assertThat(ran).containsExactly("second");
    }

    @Test
    void a_pooled_processor_asks_to_be_woken_and_reads_every_event_through_the_waking_stream() throws Exception {
        List<Object> handled = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        Object handler = new Object() {
            @EventHandler
            void on(String event) {
                handled.add(event);
                (handled.size() == 1 ? first : second).countDown();
            }
        };
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("waking-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(executor)
                .workerExecutor(Executors.newScheduledThreadPool(2))
                .initialSegmentCount(1)
                .build();
        processor.start();
        try {
            store.publish(GenericEventMessage.asEventMessage("one"));
            assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
            awaitWatcherAtHead();

            store.publish(GenericEventMessage.asEventMessage("two"));

            assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(handled).containsExactly("one", "two");
            assertThat(store.waitingReaders()).as("the processor's stream asked to be woken").isGreaterThanOrEqualTo(1);
        } finally {
            processor.shutDown();
        }
    }

    /** The watcher opens its stream at the head when the first reader registers. */
    private void awaitWatcherAtHead() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!store.watching() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(store.watching()).isTrue();
    }
}
