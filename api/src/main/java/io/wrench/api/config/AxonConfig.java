package io.wrench.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.wrench.api.cluster.FairShare;
import io.wrench.api.audit.AuditProperties;
import io.wrench.api.web.Consistency;
import io.wrench.api.web.RequestMetadata;
import io.wrench.command.AggregateVersions;
import io.wrench.command.RuleViolationInterceptor;
import io.wrench.query.QueryProcessing;
import io.wrench.shared.DeadLettered;
import io.wrench.shared.InStoredOrder;
import io.wrench.api.cluster.DeadLetterQueues;
import io.wrench.api.cluster.WriteFailureIsolation;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.EventMessage;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Events read per transaction by the projections: replay speed grows ~5x from 1 to 100. */
    static final int PROJECTION_BATCH_SIZE = QueryProcessing.BATCH_SIZE;
    /** Segments of a projection that may be split (per aggregate); processors that may not are {@link InStoredOrder}. */
    static final int DEFAULT_SEGMENTS = 4;
    /**
     * How often a segment that only skips events (none of its types, or another segment's aggregates)
     * stores its token: the cluster-wide progress other instances read lags at most this much.
     */
    static final long SKIPPED_TOKEN_STORE_MILLIS = 1000;

    /**
     * Settings every streaming processor shares, then what each module declared beside its handlers:
     * {@link InStoredOrder} processors run on one segment, sequentially, with their own batch size.
     * Segments are shared among the instances by {@link FairShare}.
     */
    @Bean
    ConfigurerModule wrenchAxonModule(Consistency consistency, List<InStoredOrder> inStoredOrder,
                                      List<DeadLettered> deadLettered, ObjectProvider<FairShare> fairShare,
                                      ObjectProvider<EntityManagerProvider> entityManagers,
                                      WriteFailureIsolation writeFailures) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            processing.usingPooledStreamingEventProcessors((config, builder) -> builder
                    .batchSize(PROJECTION_BATCH_SIZE)
                    .initialSegmentCount(DEFAULT_SEGMENTS)
                    .claimExtensionThreshold(SKIPPED_TOKEN_STORE_MILLIS)
                    .maxSegmentProvider(group -> fairShare.getObject().getMaxSegments(group)));
            for (InStoredOrder declaration : inStoredOrder) {
                processing.registerSequencingPolicy(declaration.processingGroup(), c -> new SequentialPolicy());
                processing.registerPooledStreamingEventProcessorConfiguration(declaration.processingGroup(),
                        (config, builder) -> declaration.historyAsLive()
                                ? builder.batchSize(declaration.batchSize()).initialSegmentCount(1)
                                        .initialToken(StreamableMessageSource::createTailToken)
                                : builder.batchSize(declaration.batchSize()).initialSegmentCount(1));
            }
            // A projection parks what it fails on, with its sequence, in the same database (DeadLetterQueues)
            for (DeadLettered declaration : deadLettered) {
                String group = declaration.processingGroup();
                processing.registerDeadLetterQueue(group, c -> DeadLetterQueues.queue(group, entityManagers.getObject(),
                        c.getComponent(TransactionManager.class), c.eventSerializer(), c.serializer()));
                processing.registerDeadLetterPolicy(group, c -> DeadLetterQueues.COUNTING_ATTEMPTS);
                // ... and what it fails to write at the batch's commit, found by writing event by event on the retry
                processing.registerHandlerInterceptor(group, c -> writeFailures.interceptor(group));
                // a rebuild replays every event again, the parked ones too; the cache spares a query per event
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
            }
            // A failing handler must not skip the event: the processor rolls back, backs off and retries;
            // for the command-side lookups the failure reaches the command and rolls it back.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.registerDefaultHandlerInterceptor((c, name) -> consistency.interceptor());
        };
    }

    @Bean
    WriteFailureIsolation writeFailureIsolation(ObjectProvider<EntityManagerProvider> entityManagers) {
        return new WriteFailureIsolation(entityManagers);
    }

    /** Axon picks every {@link HandlerEnhancerDefinition} bean up for every handler. */
    @Bean
    HandlerEnhancerDefinition writeFailureIsolationEnhancer(WriteFailureIsolation writeFailures) {
        return writeFailures.handlerEnhancer();
    }

    @Bean
    RequestMetadata.DispatchInterceptor requestMetadataDispatchInterceptor(CommandBus commandBus, AuditProperties audit,
                                                                           ObjectProvider<Configuration> axon) {
        var interceptor = new RequestMetadata.DispatchInterceptor(audit.getUserNameClaims());
        commandBus.registerDispatchInterceptor(interceptor);
        // outermost first: the version result wraps the rule translation
        commandBus.registerHandlerInterceptor(AggregateVersions.resultInterceptor(axon::getObject));
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
