package io.wrench.api.cluster;

import io.wrench.api.config.WrenchProperties;
import io.wrench.shared.DeadLettered;
import io.wrench.shared.InStoredOrder;
import io.wrench.shared.ViewTables;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Several instances on one database (docs/operations.md, "Several instances"): who is alive, a fair
 * share of segments for each, a token store safe for a concurrent first start, progress and
 * consistency read from the token store, coordinated rebuilds, and commands retried when two instances
 * append to one aggregate at the same moment.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfig {

    /** The command side's aggregate cache, checked against the event store on every hit. */
    @Bean
    CheckedAggregateCache aggregateCache(ObjectProvider<EventStore> eventStore) {
        return new CheckedAggregateCache(eventStore);
    }

    @Bean
    ClusterNodes clusterNodes(JdbcTemplate jdbc, WrenchProperties properties, Clock clock) {
        return new ClusterNodes(jdbc, properties, clock);
    }

    /** Recomputed on every heartbeat from the live instances and the processors' segment counts. */
    @Bean
    FairShare fairShare(ClusterNodes nodes, TokenStoreView tokens, ProcessorProgress progress) {
        FairShare share = new FairShare();
        nodes.onHeartbeat(() -> {
            SortedMap<String, Integer> counts = new TreeMap<>(tokens.segmentCounts());
            counts.keySet().retainAll(progress.processors().keySet());
            share.update(nodes.live(), nodes.nodeId(), counts);
        });
        return share;
    }

    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, Serializer serializer, ClusterNodes nodes,
                          WrenchProperties properties, PlatformTransactionManager transactions) {
        return new ClusterTokenStore(JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .nodeId(nodes.nodeId())
                .claimTimeout(properties.getCluster().getClaimTimeout()), transactions);
    }

    @Bean
    TokenStoreView tokenStoreView(JdbcTemplate jdbc, Serializer serializer, Clock clock, WrenchProperties properties) {
        return new TokenStoreView(jdbc, serializer, clock, properties.getCluster().getClaimTimeout());
    }

    /** On the JPA store a range query; behind Axon Server (no tables of ours) a short read of the event stream. */
    @Bean
    EventRange eventRange(Environment environment, JdbcTemplate jdbc, ObjectProvider<EventStore> eventStore) {
        boolean axonServer = environment.getProperty("axon.axonserver.enabled", Boolean.class, false);
        return axonServer ? (after, upTo, limit) -> EventRange.streaming(eventStore.getObject()).between(after, upTo, limit)
                : EventRange.jpa(jdbc);
    }

    @Bean
    ProcessorProgress processorProgress(ObjectProvider<EventProcessingConfiguration> processing, TokenStoreView tokens,
                                        EventRange events, ClusterNodes nodes) {
        return new ProcessorProgress(processing, tokens, events, nodes.nodeId());
    }

    /** Connections taken inside a view copy's transactions find the copy's tables first ({@link ViewSchemas}). */
    @Bean
    static BeanPostProcessor viewCopyConnections() {
        return ViewSchemas.routingConnections();
    }

    @Bean
    ViewSchemas viewSchemas(JdbcTemplate jdbc, Flyway flyway) {
        return new ViewSchemas(jdbc, flyway);
    }

    @Bean
    ViewCopies viewCopies(EventStore eventStore, TokenStore tokenStore, TransactionManager transactionManager,
                          WrenchProperties properties, List<DeadLettered> deadLettered,
                          ObjectProvider<org.axonframework.config.Configuration> axon,
                          ObjectProvider<EntityManagerProvider> entityManagers, WriteFailureIsolation writeFailures,
                          List<InStoredOrder> inStoredOrder) {
        var parts = new ViewCopies.Parts() {
            @Override
            public HandlerDefinition handlerDefinition(Class<?> handlerType) {
                return axon.getObject().handlerDefinition(handlerType);
            }

            @Override
            public ParameterResolverFactory parameterResolvers() {
                return axon.getObject().parameterResolverFactory();
            }

            @Override
            public SequencedDeadLetterQueue<EventMessage<?>> queue(String group, TransactionManager transactions) {
                return DeadLetterQueues.queue(group, entityManagers.getObject(), transactions,
                        axon.getObject().eventSerializer(), axon.getObject().serializer());
            }

            @Override
            public MessageHandlerInterceptor<EventMessage<?>> interceptor(String group) {
                return writeFailures.interceptor(group);
            }
        };
        return new ViewCopies(eventStore, tokenStore, transactionManager, properties.getCluster().getRebuildBatchSize(),
                copiesWithDeadLetters(deadLettered, inStoredOrder), parts);
    }

    /**
     * The copies that park what they fail on: those of dead-lettered projections whose sequences are their
     * aggregates. In stored order the whole stream is one sequence, so a parked event would hold every later
     * event of the copy behind it: such a copy retries the event instead (ERROR) until it goes through.
     */
    static Set<String> copiesWithDeadLetters(List<DeadLettered> deadLettered, List<InStoredOrder> inStoredOrder) {
        Set<String> ordered = inStoredOrder.stream().map(InStoredOrder::processingGroup).collect(Collectors.toSet());
        return deadLettered.stream().map(DeadLettered::processingGroup).filter(group -> !ordered.contains(group))
                .collect(Collectors.toSet());
    }

    @Bean(destroyMethod = "close")
    RebuildCoordinator rebuildCoordinator(JdbcTemplate jdbc, PlatformTransactionManager transactions, ClusterNodes nodes,
                                          ProcessorProgress progress, TokenStoreView tokens, ViewSchemas schemas,
                                          ViewCopies copies, List<ViewTables> viewTables, Clock clock,
                                          ObjectProvider<EventStore> eventStore, WrenchProperties properties) {
        WrenchProperties.Cluster cluster = properties.getCluster();
        // an instance that crashed holding segments lets go when its claims time out
        Duration releaseWait = cluster.getClaimTimeout().plus(cluster.getHeartbeatInterval().multipliedBy(3))
                .plusSeconds(5);
        return new RebuildCoordinator(jdbc, new TransactionTemplate(transactions), nodes, progress, tokens, schemas,
                copies, viewTables, clock, () -> {
            TrackingToken head = eventStore.getObject().createHeadToken();
            return head == null ? -1 : head.position().orElse(-1L);
        }, releaseWait, cluster.getNodeTimeout());
    }

    @Bean
    OneSegmentMigration oneSegmentMigration(List<InStoredOrder> declarations, EventProcessingConfiguration processing,
                                            JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new OneSegmentMigration(declarations, processing, jdbc, new TransactionTemplate(transactions));
    }

    /**
     * The local command bus, as Axon's auto-configuration builds it, but giving failures raised at commit
     * their business details ({@link TranslatingCommandBus}). Behind Axon Server it is the local segment.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicateResolver) {
        SimpleCommandBus bus = new TranslatingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "wrench-command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetry(commandRetryExecutor)).build();
    }

    @Bean
    DeadLetterQueues deadLetterQueues(ObjectProvider<EventProcessingConfiguration> processing,
                                      List<DeadLettered> declarations, ViewCopies copies, ProcessorProgress progress,
                                      JdbcTemplate jdbc, TransactionManager transactionManager, Clock clock) {
        return new DeadLetterQueues(processing, declarations, copies, progress, jdbc, transactionManager, clock);
    }

    @Bean
    ProjectionMetrics projectionMetrics(ProcessorProgress progress, ObjectProvider<EventStore> eventStore,
                                        MeterRegistry registry, DeadLetterQueues deadLetters) {
        return new ProjectionMetrics(progress, eventStore, registry, deadLetters);
    }

    @Bean("eventProcessorsHealthIndicator")
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(ProcessorProgress progress, ClusterNodes nodes,
                                                                  DeadLetterQueues deadLetters) {
        return new EventProcessorsHealthIndicator(progress, nodes, deadLetters);
    }

    @Bean("axonServerHealthIndicator")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    AxonServerHealthIndicator axonServerHealthIndicator(AxonServerConnectionManager connections,
                                                        AxonServerConfiguration configuration) {
        return new AxonServerHealthIndicator(connections, configuration);
    }
}
