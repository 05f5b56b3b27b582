package io.wrench.api.cluster;

import io.wrench.api.support.HttpTestSupport;
import io.wrench.command.workorder.PartsProcess;
import io.wrench.shared.InStoredOrder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The processor settings each module declares beside its code really apply to the running processors:
 * rename a saga or a projection's processing group, or drop a declaration, and this fails.
 */
class ProcessorSettingsHttpTest extends HttpTestSupport {

    @Autowired
    List<InStoredOrder> inStoredOrder;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStoreView tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TokenStore tokenStore;

    @Test
    void the_processes_and_views_that_need_stored_order_run_on_one_segment() {
        assertThat(inStoredOrder).extracting(InStoredOrder::processingGroup).containsExactlyInAnyOrder(
                PartsProcess.PROCESSING_GROUP, "customer-projection", "work-order-projection", "dashboard-projection",
                "audit-ledger", "notification-outbox");
        for (InStoredOrder declaration : inStoredOrder) {
            assertThat(processing.eventProcessor(declaration.processingGroup()))
                    .as(declaration.processingGroup() + " is a running processor").get()
                    .isInstanceOf(StreamingEventProcessor.class);
            assertThat(tokens.segmentCounts().get(declaration.processingGroup()))
                    .as(declaration.processingGroup() + ": " + declaration.why()).isEqualTo(1);
        }
        assertThat(processing.sagaEventProcessor(PartsProcess.class)).get()
                .extracting(p -> p.getName()).isEqualTo(PartsProcess.PROCESSING_GROUP);
    }

    @Test
    void views_of_one_aggregate_each_are_split_and_the_lookup_tables_write_in_the_command_transaction() {
        assertThat(tokens.segmentCounts()).containsEntry("stock-item-projection", 4).containsEntry("stock-movement-projection", 4);
        assertThat(processing.eventProcessor("customer-registry")).get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor("stock-item-registry")).get().isInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void the_token_stores_own_identity_row_is_no_processor() {
        // Axon Server's connector asks for it to report processors; on Axon Server the fair-share and
        // take-over counts waited for a 27th segment that nobody can claim
        String identity = new TransactionTemplate(transactions).execute(s -> tokenStore.retrieveStorageIdentifier())
                .orElseThrow();
        assertThat(identity).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                TokenStoreView.CONFIG_ROW)).isEqualTo(1);
        assertThat(tokens.segmentCounts()).doesNotContainKey(TokenStoreView.CONFIG_ROW).containsKey("customer-projection");
        assertThat(tokens.all()).doesNotContainKey(TokenStoreView.CONFIG_ROW).containsKey("customer-projection");
    }

    @Test
    void a_declaration_whose_processor_does_not_exist_stops_the_start() {
        OneSegmentMigration migration = new OneSegmentMigration(
                List.of(new InStoredOrder("renamed-projection", 1, "a guarantee")), processing, jdbc,
                new TransactionTemplate(transactions));
        assertThatThrownBy(migration::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("renamed-projection").hasMessageContaining("a guarantee");
    }
}
