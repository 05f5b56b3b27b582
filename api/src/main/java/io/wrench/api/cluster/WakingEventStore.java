package io.wrench.api.cluster;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Axon's JPA event store whose streams tell their reader when events arrive, so an idle pooled
 * processor handles a new event at once instead of on its next 500 ms poll.
 * <p>
 * Axon's pooled processors ask their stream for an availability callback; the embedded store's streams
 * offer none, so an idle coordinator looks again only every 500 ms — the floor of every view's latency
 * and of read-your-writes. Here one watcher thread follows the store's own cache of new events (fed by
 * this instance's commits at once, by other instances' within {@code axon.eventstore.fetch-delay}) and
 * runs every open stream's callback when an event appears. Because the watcher sees an event only once
 * it is in that cache, a woken reader finds it there. Without a callback (and on Axon Server, whose
 * streams have their own) nothing changes. On PostgreSQL, {@link PostgresEventSignal} tells the other
 * instances of each commit, so their stores fetch at once rather than at their next fetch delay.
 */
public class WakingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(WakingEventStore.class);
    /** The longest the watcher blocks before it looks whether it should stop. */
    private static final int WATCH_MILLIS = 1000;

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object watcherLock = new Object();
    private Thread watcher;
    private volatile boolean stopped;
    private volatile boolean watching;
    private volatile Runnable onCommit = () -> { };

    public WakingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new WakingStream(super.openStream(trackingToken));
    }

    /** Runs {@code listener} after every commit of events through this store (to tell other instances). */
    void onCommit(Runnable listener) {
        this.onCommit = listener;
    }

    /** Looks for new events in storage now, not at the next fetch delay (another instance stored some). */
    void fetchNow() {
        super.afterCommit(List.of());
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        onCommit.run();
    }

    /** Runs every registered callback; what one throws does not keep the others from running. */
    void wakeReaders() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("An event stream's availability callback failed", e);
            }
        }
    }

    /** How many readers wait to be woken (for tests and metrics). */
    int waitingReaders() {
        return callbacks.size();
    }

    /** Whether the watcher follows the store (events stored from now on wake the readers). */
    boolean watching() {
        return watching;
    }

    @Override
    public void shutDown() {
        stopped = true;
        synchronized (watcherLock) {
            if (watcher != null) {
                watcher.interrupt();
            }
        }
        callbacks.clear();
        super.shutDown();
    }

    private void startWatcher() {
        synchronized (watcherLock) {
            if (watcher == null && !stopped) {
                watcher = new Thread(this::watch, "wrench-event-watcher");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    private void watch() {
        TrackingEventStream stream = null;
        while (!stopped) {
            try {
                if (stream == null) {
                    stream = super.openStream(createHeadToken());
                    watching = true;
                }
                if (stream.hasNextAvailable(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
                    do {
                        stream.nextAvailable();
                    } while (stream.hasNextAvailable());
                    wakeReaders();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (stopped) {
                    break;
                }
                log.warn("The event watcher lost its stream; readers fall back to polling until it reopens", e);
                close(stream);
                stream = null;
                watching = false;
                wakeReaders();
                if (!pause()) {
                    break;
                }
            }
        }
        close(stream);
    }

    private static boolean pause() {
        try {
            Thread.sleep(WATCH_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void close(BlockingStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                log.debug("Closing the watcher's stream failed", e);
            }
        }
    }

    /** The store's stream, plus the callback its reader registers. */
    private final class WakingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private WakingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            startWatcher();
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
