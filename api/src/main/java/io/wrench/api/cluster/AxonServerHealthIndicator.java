package io.wrench.api.cluster;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Axon Server's connection, on the {@code axonserver} profile. (Axon's own indicator is written for
 * Spring Boot 3's health API and does not load under Boot 4.) DOWN while the default context is not
 * connected: commands, queries and events all travel through it.
 */
class AxonServerHealthIndicator implements HealthIndicator {

    private final AxonServerConnectionManager connections;
    private final AxonServerConfiguration configuration;

    AxonServerHealthIndicator(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
        this.connections = connections;
        this.configuration = configuration;
    }

    @Override
    public Health health() {
        String context = configuration.getContext();
        boolean connected = connections.isConnected(context);
        return (connected ? Health.up() : Health.down())
                .withDetail("context", context)
                .withDetail("servers", configuration.getServers())
                .withDetail("clientId", configuration.getClientId())
                .build();
    }
}
