package io.wrench.api.cluster;

import io.wrench.api.WrenchApplication;
import io.wrench.api.support.Api;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Several Wrench instances on one PostgreSQL database (the {@code postgres} profile), for the cluster
 * tests: fast heartbeats and short claim timeouts, so rebalancing and take-over happen within seconds.
 * The database is {@code WRENCH_TEST_DB_URL} (default {@code wrench_test}, which {@code .ci/run}
 * creates); it is emptied first. No PostgreSQL, no green build: these tests do not skip.
 */
final class ClusterInstances {

    static final String URL = env("WRENCH_TEST_DB_URL", "jdbc:postgresql://localhost:5432/wrench_test");
    static final String USER = env("WRENCH_TEST_DB_USER", "wrench");
    static final String PASSWORD = env("WRENCH_TEST_DB_PASSWORD", "wrench");
    /**
     * {@code axonserver} runs the same suite against a running Axon Server (events and messages routed
     * by it; {@code .ci/axonserver-check}); default {@code postgres}, the JPA event store in PostgreSQL.
     */
    static final String PROFILE = env("WRENCH_CLUSTER_PROFILE", "postgres");
    static final String AXON_SERVER = env("WRENCH_AXONSERVER_SERVERS", "localhost:8124");

    private ClusterInstances() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void emptyDatabase() {
        Flyway.configure().dataSource(URL, USER, PASSWORD).cleanDisabled(false).load().clean();
    }

    /** The arguments every instance starts with, in-process or as a separate JVM. */
    static List<String> arguments(String nodeId, int port) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=" + PROFILE,
                "--server.port=" + port,
                "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--wrench.cluster.node-id=" + nodeId,
                "--wrench.cluster.heartbeat-interval=500ms",
                "--wrench.cluster.node-timeout=3s",
                "--wrench.cluster.claim-timeout=4s",
                "--wrench.consistency.max-wait=10s",
                "--logging.structured.format.console="));
        if (onAxonServer()) {
            arguments.add("--axon.axonserver.servers=" + AXON_SERVER);
            arguments.add("--axon.axonserver.client-id=" + nodeId);
        }
        return arguments;
    }

    /** Behind Axon Server the events are not in PostgreSQL (and survive the database's cleaning). */
    static boolean onAxonServer() {
        return "axonserver".equals(PROFILE);
    }

    /**
     * One instance in this JVM. Instances may start at the same time (from several threads); only the
     * logging system's start is taken one at a time: Spring Boot sets up the JVM's one Logback context on
     * every start, and two at once broke it (a {@code ConcurrentModificationException} in Logback's property
     * map, seen once in CI). The rest of the start (Flyway, segment claims) still runs concurrently.
     */
    static ConfigurableApplicationContext start(String nodeId, Class<?>... testBeans) {
        return new SpringApplicationBuilder(WrenchApplication.class).sources(testBeans)
                .listeners(new LoggingStartsOneAtATime())
                .run(arguments(nodeId, 0).toArray(String[]::new));
    }

    /** Held from the application's first event until its context is initialized (logging is set up by then). */
    private static final class LoggingStartsOneAtATime implements GenericApplicationListener {

        private static final Semaphore LOGGING_START = new Semaphore(1);
        private boolean held;

        @Override
        public boolean supportsEventType(ResolvableType eventType) {
            Class<?> type = eventType.toClass();
            return ApplicationStartingEvent.class.isAssignableFrom(type)
                    || ApplicationContextInitializedEvent.class.isAssignableFrom(type)
                    || ApplicationFailedEvent.class.isAssignableFrom(type);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationStartingEvent) {
                LOGGING_START.acquireUninterruptibly();
                held = true;
            } else if (held) {
                held = false;
                LOGGING_START.release();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(port(context));
    }
}
