package io.wrench.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.wrench.api.audit.AuditProperties;
import io.wrench.api.web.Consistency;
import io.wrench.api.web.RequestMetadata;
import io.wrench.command.AggregateVersions;
import io.wrench.command.RuleViolationInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Processing groups that maintain command-side lookup tables in the command's own transaction. */
    static final List<String> COMMAND_SIDE_LOOKUPS = List.of("customer-registry", "stock-item-registry");

    /**
     * Projections whose rows are changed by events of more than one aggregate (a customer's rename
     * and their work orders): they handle every event in stored order, on one segment, so no two
     * threads update the same row and a later event never overtakes an earlier one.
     */
    static final List<String> SEQUENTIAL_PROJECTIONS = List.of("customer-projection", "work-order-projection");

    /**
     * The parts process (a saga) runs on <b>one segment</b>: a saga is started in the segment its
     * association value (the line id) hashes to, so with several segments two lines' reservations
     * race each other and a later line can take the stock an earlier one asked for first. PRODUCT.md
     * wants requests served in request order, so every event is handled in stored order by one thread.
     * It handles one event per batch: each event sends a command, and the aggregate's lock is held until
     * the batch's transaction commits, so small batches keep locks short.
     */
    static final String PARTS_PROCESS = "PartsProcessProcessor";

    /** Events read per transaction by the projections: replay speed grows ~5x from 1 to 100. */
    static final int PROJECTION_BATCH_SIZE = 100;

    @Bean
    ConfigurerModule wrenchAxonModule(Consistency consistency) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            COMMAND_SIDE_LOOKUPS.forEach(processing::registerSubscribingEventProcessor);
            SEQUENTIAL_PROJECTIONS.forEach(group -> processing.registerSequencingPolicy(group,
                    c -> new SequentialPolicy()));
            processing.usingPooledStreamingEventProcessors((config, builder) -> builder
                    .batchSize(PROJECTION_BATCH_SIZE)
                    .initialSegmentCount(4));
            processing.registerPooledStreamingEventProcessorConfiguration(PARTS_PROCESS,
                    (config, builder) -> builder.batchSize(1).initialSegmentCount(1));
            // A failing handler must not skip the event: the processor rolls back, backs off and retries;
            // for the command-side lookups the failure reaches the command and rolls it back.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.registerDefaultHandlerInterceptor((c, name) -> consistency.interceptor());
        };
    }

    @Bean
    RequestMetadata.DispatchInterceptor requestMetadataDispatchInterceptor(CommandBus commandBus, AuditProperties audit) {
        var interceptor = new RequestMetadata.DispatchInterceptor(audit.getUserNameClaims());
        commandBus.registerDispatchInterceptor(interceptor);
        // outermost first: the version result wraps the rule translation
        commandBus.registerHandlerInterceptor(AggregateVersions.resultInterceptor());
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
        return interceptor;
    }

    /** Who, which request and which roles travel from the command to every event it causes, and onwards. */
    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(RequestMetadata.KEYS.toArray(String[]::new));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<?> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    /** Deadlines live in the {@code scheduled_tasks} table: they survive restarts and fire once per cluster. */
    @Bean(destroyMethod = "")
    Scheduler deadlineScheduler(DataSource dataSource, @Qualifier("deadlineDetailsTask") Task<?> task) {
        return Scheduler.create(dataSource, List.of(task))
                .threads(2)
                .pollingInterval(Duration.ofSeconds(5))
                .registerShutdownHook()
                .build();
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, Configuration configuration,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .build();
    }
}
