package io.wrench.api.cluster;

import io.wrench.api.config.WrenchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The instances running on this database. Each one writes a heartbeat into {@code wrench_node}; those
 * heard from within {@code wrench.cluster.node-timeout} are live. After every heartbeat the listeners
 * run (the fair share of segments, coordinated rebuilds), on this class's one background thread.
 * <p>
 * Starts before the event processors (so their first claims already know the cluster) and stops after
 * them; a clean stop removes this instance's row, so the others take its share at once.
 */
public class ClusterNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);
    /** Before Axon's processors start (their phase is far above) and after they stop. */
    static final int PHASE = Integer.MIN_VALUE + 1000;

    private final JdbcTemplate jdbc;
    private final WrenchProperties.Cluster settings;
    private final Clock clock;
    private final String nodeId;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<String> live;
    private volatile ScheduledExecutorService scheduler;

    public ClusterNodes(JdbcTemplate jdbc, WrenchProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.getCluster();
        this.clock = clock;
        this.nodeId = settings.getNodeId().isBlank() ? defaultNodeId() : settings.getNodeId();
        this.live = List.of(nodeId);
    }

    static String defaultNodeId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "wrench";
            }
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID().toString().substring(0, 6);
    }

    public String nodeId() {
        return nodeId;
    }

    /** The live instances, sorted; this one is always among them. */
    public List<String> live() {
        return live;
    }

    public void onHeartbeat(Runnable listener) {
        listeners.add(listener);
    }

    /** Writes this instance's heartbeat, reads who is alive and runs the listeners. */
    public synchronized void beat() {
        long now = clock.millis();
        try {
            if (jdbc.update("update wrench_node set heartbeat_at = ? where node_id = ?", now, nodeId) == 0) {
                try {
                    jdbc.update("insert into wrench_node (node_id, started_at, heartbeat_at) values (?, ?, ?)", nodeId, now, now);
                } catch (DuplicateKeyException raced) {
                    jdbc.update("update wrench_node set heartbeat_at = ? where node_id = ?", now, nodeId);
                }
            }
            long oldest = now - settings.getNodeTimeout().toMillis();
            List<String> nodes = new ArrayList<>(jdbc.queryForList(
                    "select node_id from wrench_node where heartbeat_at >= ?", String.class, oldest));
            if (!nodes.contains(nodeId)) {
                nodes.add(nodeId);
            }
            nodes.sort(null);
            if (!nodes.equals(live)) {
                log.info("Cluster: {} live instance(s) {}", nodes.size(), nodes);
            }
            live = List.copyOf(nodes);
            // rows of instances long gone (crashed) are removed by whoever sees them
            jdbc.update("delete from wrench_node where heartbeat_at < ?", now - 10 * settings.getNodeTimeout().toMillis());
        } catch (RuntimeException e) {
            log.warn("Cluster heartbeat failed; keeping the last known instances {}", live, e);
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("Cluster heartbeat listener failed", e);
            }
        }
    }

    @Override
    public void start() {
        beat();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "wrench-cluster");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.getHeartbeatInterval().toMillis();
        executor.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                jdbc.update("delete from wrench_node where node_id = ?", nodeId);
            } catch (RuntimeException e) {
                log.debug("Could not remove this instance from wrench_node", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
