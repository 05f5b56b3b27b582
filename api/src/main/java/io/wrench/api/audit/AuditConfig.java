package io.wrench.api.audit;

import io.wrench.command.workorder.PartsProcess;
import io.wrench.shared.InStoredOrder;
import io.wrench.api.web.RequestMetadata;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

import java.util.Map;

/**
 * Wiring of the audit trail into Axon: the hash chain on the event store, the causation id on every
 * message, {@code via} on the parts process's commands, and the one-segment ledger processor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfig {

    /** The saga's processor (AxonConfig.PARTS_PROCESS) and the name its commands are recorded under. */
    static final String PARTS_PROCESS_VIA = "parts-process";

    @Bean
    HashChain hashChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        HashChain chain = new HashChain(eventStore, serializer);
        eventStore.registerDispatchInterceptor(chain);
        return chain;
    }

    @Bean
    DigestSigner digestSigner(AuditProperties properties, JdbcTemplate jdbc) {
        return DigestSigner.load(properties, jdbc);
    }

    /** Axon's JPA table is read directly (fast, exact bytes); Axon Server through Axon's streaming API. */
    @Bean
    StoredEvents storedEvents(EventStore eventStore, ObjectProvider<EventStorageEngine> engine,
                              @Qualifier("eventSerializer") Serializer serializer,
                              JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        EventStorageEngine storage = engine.getIfAvailable();
        if (eventStore instanceof EmbeddedEventStore && storage instanceof JpaEventStorageEngine) {
            return new StoreReader(jdbc, transactions);
        }
        return new StreamedEvents(eventStore, serializer, jdbc);
    }

    @Bean
    VerifyJobs verifyJobs(JdbcTemplate jdbc, StoredEvents store, LedgerNodes ledger, DigestSigner signer, Clock clock) {
        return new VerifyJobs(jdbc, store, ledger, signer, clock);
    }

    @Bean
    CorrelationDataProvider causationProvider() {
        return new RequestMetadata.CausationProvider();
    }

    /** Global order matters to the ledger: one segment, one thread (applied by AxonConfig). */
    @Bean
    InStoredOrder auditLedgerInStoredOrder() {
        // history as live: it disallows replays, yet a first start on a store that already holds events (a new
        // database beside an existing Axon Server) must index and append them all, not skip them as a replay
        return new InStoredOrder(AuditLedger.PROCESSING_GROUP, 100,
                "the ledger appends every event to the Merkle tree in the order it reads the store", true);
    }

    @Bean
    ConfigurerModule auditAxonModule() {
        return configurer -> {
            var processing = configurer.eventProcessing();
            processing.registerHandlerInterceptor(PartsProcess.PROCESSING_GROUP, config -> viaPartsProcess());
        };
    }

    /** Every command the parts process sends while handling an event names the process and that event. */
    static MessageHandlerInterceptor<EventMessage<?>> viaPartsProcess() {
        return (unitOfWork, chain) -> {
            unitOfWork.registerCorrelationDataProvider(message -> Map.of(
                    RequestMetadata.VIA, PARTS_PROCESS_VIA,
                    RequestMetadata.CAUSING_EVENT, message.getIdentifier()));
            return chain.proceed();
        };
    }
}
