package io.wrench.api.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard projection's processor: <b>one segment</b>, every event in stored order. Its figures
 * gather events of many aggregates (a technician's workload, the stock value), so two threads would
 * update the same rows; the policy is the same on every instance, so a cluster agrees on it.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfig {

    static final String DASHBOARD_PROJECTION = "dashboard-projection";

    @Bean
    ConfigurerModule dashboardProcessorModule() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(DASHBOARD_PROJECTION, c -> new SequentialPolicy())
                .registerPooledStreamingEventProcessorConfiguration(DASHBOARD_PROJECTION,
                        (c, builder) -> builder.batchSize(AxonConfig.PROJECTION_BATCH_SIZE).initialSegmentCount(1));
    }
}
