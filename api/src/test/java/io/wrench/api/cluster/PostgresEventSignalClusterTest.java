package io.wrench.api.cluster;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances' signals on one PostgreSQL database: a commit on one makes the other's store fetch at
 * once, and an instance does not answer its own signal. (The stores' fetch delay is a minute, so only
 * the signal can explain a fetch.)
 */
class PostgresEventSignalClusterTest {

    @Test
    void a_commit_on_one_instance_makes_the_other_fetch_and_not_itself() throws Exception {
        CountingStore storeA = new CountingStore();
        CountingStore storeB = new CountingStore();
        PostgresEventSignal a = new PostgresEventSignal(dataSource(), storeA, "signal-a-" + System.nanoTime());
        PostgresEventSignal b = new PostgresEventSignal(dataSource(), storeB, "signal-b-" + System.nanoTime());
        a.start();
        b.start();
        try {
            assertThat(a.isRunning()).as("PostgreSQL recognised").isTrue();
            // LISTEN is issued by the listener thread; until it is, a signal is not heard (by design)
            awaitListening(storeA, storeB);

            storeA.commit();

            assertThat(storeB.fetched.await(10, TimeUnit.SECONDS)).as("B fetches when A commits").isTrue();
            Thread.sleep(500);
            assertThat(storeA.fetches.get()).as("A ignores its own signal").isZero();
        } finally {
            a.stop();
            b.stop();
            storeA.shutDown();
            storeB.shutDown();
        }
    }

    @Test
    void on_another_database_it_does_nothing() {
        CountingStore store = new CountingStore();
        PostgresEventSignal signal = new PostgresEventSignal(
                new DriverManagerDataSource("jdbc:h2:mem:signal-" + System.nanoTime()), store, "h2");
        signal.start();
        try {
            assertThat(signal.isRunning()).isFalse();
            store.commit();
            assertThat(store.fetches.get()).isZero();
        } finally {
            signal.stop();
            store.shutDown();
        }
    }

    /** Probes with a signal from a third sender until both listeners hear it. */
    private static void awaitListening(CountingStore... stores) throws Exception {
        var probe = new org.springframework.jdbc.core.JdbcTemplate(dataSource());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            probe.query("select pg_notify(?, ?)", rs -> null, PostgresEventSignal.CHANNEL, "probe");
            Thread.sleep(100);
            boolean all = true;
            for (CountingStore store : stores) {
                all &= store.fetches.get() > 0;
            }
            if (all) {
                Thread.sleep(300); // let the last probes arrive before counting starts
                for (CountingStore store : stores) {
                    store.reset();
                }
                return;
            }
        }
        throw new AssertionError("the listeners did not start");
    }

    private static DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(ClusterInstances.URL, ClusterInstances.USER, ClusterInstances.PASSWORD);
    }

    private static final class CountingStore extends WakingEventStore {

        final AtomicInteger fetches = new AtomicInteger();
        volatile CountDownLatch fetched = new CountDownLatch(1);
        private volatile Runnable committed = () -> { };

        CountingStore() {
            super(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).fetchDelay(60_000));
        }

        @Override
        void onCommit(Runnable listener) {
            committed = listener;
        }

        void commit() {
            committed.run();
        }

        @Override
        void fetchNow() {
            fetches.incrementAndGet();
            fetched.countDown();
        }

        void reset() {
            fetches.set(0);
            fetched = new CountDownLatch(1);
        }
    }
}
