package io.wrench.api.cluster;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Axon's JPA event store (every profile but {@code axonserver}), declared here rather than left to Axon's
 * auto-configuration so that its streams wake idle processors when events arrive ({@link WakingEventStore}).
 * Both beans are built exactly as Axon's {@code JpaEventStoreAutoConfiguration} and
 * {@code AxonAutoConfiguration} build them; declaring the event store makes the former back off, so the
 * storage engine is declared too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class JpaEventStoreConfig {

    static final int READ_BATCH_SIZE = 1000;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          ObjectProvider<PersistenceExceptionResolver> persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver.getIfAvailable())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                // events per query when a stream reads the store (Axon's default is 100): a rebuild that
                // reads 1,000,000 events makes 1,000 queries instead of 10,000; a caught-up stream reads
                // what is there, so it changes nothing for live processing
                .batchSize(READ_BATCH_SIZE)
                .build();
    }

    /**
     * {@code axon.eventstore.fetch-delay} (which Axon 4.13.0's auto-configuration does not read; later
     * versions read it the same way) is how often the store looks for events that other instances stored;
     * its own commits it sees at once.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    WakingEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${axon.eventstore.fetch-delay:100ms}") Duration fetchDelay) {
        return new WakingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis()));
    }

    /** On PostgreSQL, other instances hear of this one's commits at once (and this one of theirs). */
    @Bean
    PostgresEventSignal postgresEventSignal(DataSource dataSource, WakingEventStore eventStore, ClusterNodes nodes) {
        return new PostgresEventSignal(dataSource, eventStore, nodes.nodeId());
    }
}
