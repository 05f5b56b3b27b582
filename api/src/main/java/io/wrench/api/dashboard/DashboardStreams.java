package io.wrench.api.dashboard;

import io.wrench.api.config.WrenchProperties;
import io.wrench.query.dashboard.messages.DashboardChanged;
import io.wrench.query.dashboard.messages.DashboardView;
import io.wrench.query.dashboard.messages.FindDashboard;
import io.wrench.query.dashboard.messages.FindDashboardRevision;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open dashboard streams. Each is an Axon subscription query on {@link FindDashboard}: the
 * dashboard projection emits {@link DashboardChanged} after each committed batch (behind Axon Server,
 * on whichever instance projected it), and the stream answers with the whole document again, at most
 * once per push interval, whatever the number of changes in between. The projection runs on one
 * instance; with the JPA store its notices reach only that instance's subscribers, so every instance
 * with open streams also watches the stored revision ({@link FindDashboardRevision}, one row) twice
 * per push interval and has its streams push when it moved. Streams close before the web server's
 * graceful shutdown waits for open requests.
 */
@Component
class DashboardStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardStreams.class);

    private final QueryGateway queryGateway;
    private final int maxPerClient;
    private final long pushIntervalMillis;
    private final Duration heartbeat;
    private volatile ScheduledExecutorService scheduler = newScheduler();
    private final Map<String, AtomicInteger> openPerClient = new ConcurrentHashMap<>();
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile FindDashboardRevision.Revision lastRevision;

    DashboardStreams(QueryGateway queryGateway, WrenchProperties properties) {
        this.queryGateway = queryGateway;
        this.maxPerClient = properties.getDashboard().getMaxStreamsPerClient();
        this.pushIntervalMillis = properties.getDashboard().getPushInterval().toMillis();
        this.heartbeat = properties.getDashboard().getHeartbeat();
    }

    SseEmitter open(String client, FindDashboard query, Long lastEventId) {
        if (!running) {
            throw new ShuttingDown();
        }
        AtomicInteger count = openPerClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerClient) {
            count.decrementAndGet();
            throw new TooManyStreams(maxPerClient);
        }
        if (lastRevision == null) {
            // the revision before this stream's first document: any later move is pushed
            lastRevision = revisionOrNull();
        }
        Stream stream = new Stream(client, query, lastEventId == null ? -1 : lastEventId, lastEventId != null);
        open.add(stream);
        stream.start();
        return stream.emitter;
    }

    int openStreams() {
        return open.size();
    }

    /** One client's stream: sends are serialised on the stream, pushes never closer than the interval. */
    private final class Stream {

        private final String client;
        private final FindDashboard query;
        private final SseEmitter emitter = new SseEmitter(0L);
        private final boolean resumed;
        private final long lastEventId;
        private DashboardView lastSent;
        /** When the last document was sent ({@code System.nanoTime()} has no fixed origin: it may be negative). */
        private volatile long lastPushNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(pushIntervalMillis);
        /** Set by the projection's thread, which must never wait for a client (see {@link #requestPush()}). */
        private final AtomicBoolean pushScheduled = new AtomicBoolean();
        private volatile boolean closed;
        private SubscriptionQueryResult<DashboardView, DashboardChanged> subscription;
        private ScheduledFuture<?> heartbeats;

        Stream(String client, FindDashboard query, long lastEventId, boolean resumed) {
            this.client = client;
            this.query = query;
            this.lastEventId = lastEventId;
            this.resumed = resumed;
        }

        void start() {
            emitter.onCompletion(this::close);
            emitter.onTimeout(this::close);
            emitter.onError(e -> close());
            subscription = queryGateway.subscriptionQuery(query, ResponseTypes.instanceOf(DashboardView.class),
                    ResponseTypes.instanceOf(DashboardChanged.class));
            subscription.initialResult().subscribe(view -> send(view, true), this::failed);
            subscription.updates().subscribe(change -> requestPush(), this::failed);
            heartbeats = scheduler.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        /**
         * Called on the thread that projected the change, inside its unit of work: it takes no lock a send
         * holds, so a client whose socket does not drain (a send blocked while holding the stream) cannot
         * stall the dashboard projection — before, such a stream held it until Axon's 60 s timeout.
         */
        private void requestPush() {
            if (closed || !pushScheduled.compareAndSet(false, true)) {
                return;
            }
            long wait = Math.max(0, lastPushNanos + TimeUnit.MILLISECONDS.toNanos(pushIntervalMillis) - System.nanoTime());
            try {
                scheduler.schedule(this::push, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                pushScheduled.set(false);
            }
        }

        private void push() {
            pushScheduled.set(false);
            try {
                send(queryGateway.query(query, DashboardView.class).join(), false);
            } catch (RuntimeException e) {
                failed(e);
            }
        }

        /**
         * Sends the document unless the client has it already: on connect, unless its Last-Event-ID is
         * the current position; later, unless no figure changed since the last push.
         */
        private void send(DashboardView view, boolean initial) {
            boolean broken;
            synchronized (this) {
                if (closed) {
                    return;
                }
                boolean known = initial ? resumed && view.position() <= lastEventId
                        : lastSent != null && withoutTime(view).equals(withoutTime(lastSent));
                if (known) {
                    return;
                }
                try {
                    emitter.send(SseEmitter.event().id(Long.toString(view.position())).name("dashboard")
                            .data(view, MediaType.APPLICATION_JSON));
                    lastSent = view;
                    lastPushNanos = System.nanoTime();
                    return;
                } catch (IOException | IllegalStateException e) {
                    broken = true;
                }
            }
            // outside the stream's lock: cancelling the subscription waits for an emission in progress,
            // whose thread (the projection's) may be about to ask this stream for a push
            if (broken) {
                close();
            }
        }

        private void heartbeat() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    return;
                } catch (IOException | IllegalStateException e) {
                    // closed below, outside the lock
                }
            }
            close();
        }

        private void failed(Throwable e) {
            log.warn("Dashboard stream of {} failed; closing it", client, e);
            synchronized (this) {
                if (!closed) {
                    emitter.complete();
                }
            }
            close();
        }

        void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            if (heartbeats != null) {
                heartbeats.cancel(false);
            }
            if (subscription != null) {
                subscription.cancel();
            }
            if (open.remove(this)) {
                openPerClient.computeIfPresent(client, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        }

        /** Ends the stream from our side (shutdown): the client sees the response end and may reconnect. */
        void end() {
            synchronized (this) {
                if (!closed) {
                    emitter.complete();
                }
            }
            close();
        }
    }

    /** The document without the moment it was generated: two of them are equal when every figure is. */
    private static DashboardView withoutTime(DashboardView v) {
        return new DashboardView(v.period(), v.workOrders(), v.cycleTime(), v.timeInStatus(), v.technicians(),
                v.revenue(), v.inspections(), v.lowStock(), v.stockValue(), v.position(), null);
    }

    static final class ShuttingDown extends ErrorResponseException {
        ShuttingDown() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "this instance is shutting down; connect again"), null);
            getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
    }

    static final class TooManyStreams extends ErrorResponseException {
        TooManyStreams(int max) {
            super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "at most " + max + " dashboard streams per client may be open; close one first"), null);
            getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
    }

    private static ScheduledExecutorService newScheduler() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "dashboard-streams");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Has every open stream push when the stored revision moved (a change projected on any instance). */
    private void watch() {
        if (open.isEmpty()) {
            lastRevision = null;
            return;
        }
        FindDashboardRevision.Revision now = revisionOrNull();
        if (now == null) {
            return;
        }
        FindDashboardRevision.Revision before = lastRevision;
        lastRevision = now;
        if (before != null && !before.equals(now)) {
            open.forEach(Stream::requestPush);
        }
    }

    private FindDashboardRevision.Revision revisionOrNull() {
        try {
            return queryGateway.query(new FindDashboardRevision(), FindDashboardRevision.Revision.class).join();
        } catch (RuntimeException e) {
            log.debug("Could not read the dashboard's revision; trying again", e);
            return null;
        }
    }

    @Override
    public void start() {
        if (scheduler.isShutdown()) {
            scheduler = newScheduler();
        }
        long every = Math.max(50, pushIntervalMillis / 2);
        scheduler.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(Stream::end);
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first, before the web server's graceful shutdown waits for requests to finish. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
