package io.wrench.api.cluster;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Instances on one PostgreSQL database tell each other when they have stored events, so a view on
 * another instance learns of a write within milliseconds instead of at its store's next fetch
 * (LISTEN/NOTIFY on {@value #CHANNEL}, the payload naming the sender, which ignores its own signal).
 * <p>
 * Nothing depends on a signal arriving: a lost one (a broken connection, a restart) only means the
 * store finds the events at its next regular fetch. The signal is sent by one background thread after
 * the commit, coalescing bursts, so no command waits for it and commits are not serialised on
 * PostgreSQL's notification queue. On any other database this does nothing.
 */
public class PostgresEventSignal implements SmartLifecycle {

    static final String CHANNEL = "wrench_events";
    private static final Logger log = LoggerFactory.getLogger(PostgresEventSignal.class);
    private static final int LISTEN_MILLIS = 1000;
    private static final long IDLE_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final WakingEventStore store;
    private final String nodeId;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean running;
    private Thread sender;
    private Thread listener;

    public PostgresEventSignal(DataSource dataSource, WakingEventStore store, String nodeId) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.store = store;
        this.nodeId = nodeId;
    }

    @Override
    public void start() {
        if (!isPostgreSQL()) {
            return;
        }
        running = true;
        sender = daemon("wrench-event-signal", this::send);
        listener = daemon("wrench-event-listener", this::listen);
        store.onCommit(this::committed);
    }

    @Override
    public void stop() {
        running = false;
        store.onCommit(() -> { });
        for (Thread thread : new Thread[] {sender, listener}) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void committed() {
        if (pending.compareAndSet(false, true)) {
            LockSupport.unpark(sender);
        }
    }

    private void send() {
        while (running) {
            if (!pending.getAndSet(false)) {
                LockSupport.parkNanos(IDLE_NANOS);
                continue;
            }
            try {
                jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, nodeId);
            } catch (RuntimeException e) {
                log.debug("Could not signal stored events to the other instances (they fetch on their own)", e);
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(LISTEN_MILLIS);
                    if (notifications != null && fromAnotherInstance(notifications)) {
                        store.fetchNow();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the connection that hears other instances' events; listening again in 1 s", e);
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
    }

    private boolean fromAnotherInstance(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            if (!nodeId.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private boolean isPostgreSQL() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            log.warn("Could not tell the database product; other instances' events are fetched on the fetch delay", e);
            return false;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
