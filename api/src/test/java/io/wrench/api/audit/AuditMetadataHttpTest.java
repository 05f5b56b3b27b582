package io.wrench.api.audit;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored event says who, when, which request, and how it is correlated. */
class AuditMetadataHttpTest extends HttpTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void events_carry_the_user_roles_request_and_correlation() {
        String tag = unique("audit");
        Api.Response created = api.as(Role.ADVISOR).header("X-Request-Id", "req-" + tag)
                .post("/api/customers", Map.of("name", tag, "email", tag + "@example.com"));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(created.id()).asStream().toList();

        assertThat(events).hasSize(1);
        var metadata = events.get(0).getMetaData();
        assertThat(metadata.get("userId")).isEqualTo("advisor-client");
        assertThat(metadata.get("userName")).as("the embedded issuer's tokens have no name claim: the subject")
                .isEqualTo("advisor-client");
        assertThat(metadata.get("roles")).isEqualTo("ADVISOR");
        assertThat(metadata.get("clientId")).as("the embedded issuer names the client in azp").isEqualTo("advisor-client");
        assertThat(metadata.get("requestId")).isEqualTo("req-" + tag);
        assertThat(metadata.get("correlationId")).isNotNull();
        assertThat(metadata.get("traceId")).isNotNull();
        assertThat(metadata.get("causationId")).as("the command that caused the event").isEqualTo(metadata.get("correlationId"));
        assertThat(metadata).doesNotContainKey("via");
        assertThat(events.get(0).getTimestamp()).isNotNull();
    }

    @Test
    void events_of_the_parts_process_say_so_and_name_the_event_they_answer() {
        Api.Response item = newStockItem(unique("SKU").toUpperCase(), "Filter");
        api.as(Role.STOREKEEPER).post("/api/inventory/items/" + item.id() + "/receipts", Map.of("quantity", 5, "unitCost", 4));
        String customer = newCustomer("Parts Audit");
        String workOrder = api.as(Role.ADVISOR).post("/api/work-orders",
                Map.of("customerId", customer, "description", "brakes")).id();
        api.as(Role.TECHNICIAN).header("X-Request-Id", "req-parts").post("/api/work-orders/" + workOrder + "/parts",
                Map.of("itemId", item.id(), "quantity", 2));

        DomainEventMessage<?> reserved = eventually(() -> eventStore.readEvents(item.id()).asStream()
                .filter(e -> e.getPayloadType().getSimpleName().equals("StockReserved")).findFirst().orElse(null));
        DomainEventMessage<?> added = eventStore.readEvents(workOrder).asStream()
                .filter(e -> e.getPayloadType().getSimpleName().equals("PartLineAdded")).findFirst().orElseThrow();

        assertThat(reserved.getMetaData().get("via")).isEqualTo("parts-process");
        assertThat(reserved.getMetaData().get("causingEventId")).isEqualTo(added.getIdentifier());
        assertThat(reserved.getMetaData().get("userId")).as("still the technician who added the line")
                .isEqualTo("technician-client");
        assertThat(reserved.getMetaData().get("requestId")).isEqualTo("req-parts");
        assertThat(added.getMetaData()).doesNotContainKey("via");

        DomainEventMessage<?> lineReserved = eventually(() -> eventStore.readEvents(workOrder).asStream()
                .filter(e -> e.getPayloadType().getSimpleName().equals("PartLineReserved")).findFirst().orElse(null));
        assertThat(lineReserved.getMetaData().get("via")).isEqualTo("parts-process");
        assertThat(lineReserved.getMetaData().get("causingEventId")).as("the inventory event it answers")
                .isEqualTo(reserved.getIdentifier());
    }

    static <T> T eventually(java.util.function.Supplier<T> probe) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within 30 s");
    }

    @Test
    void stored_payloads_are_readable_json_with_plain_ids() {
        String tag = unique("json");
        Api.Response created = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", tag, "email", tag + "@example.com"));

        Map<String, Object> row = jdbc.queryForMap("select payload, payload_revision, meta_data from domain_event_entry "
                + "where aggregate_identifier = ?", created.id());

        JsonNode payload = Api.JSON.readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
        assertThat(payload.get("customerId").asString()).isEqualTo(created.id());
        assertThat(payload.get("email").asString()).isEqualTo(tag + "@example.com");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        JsonNode metadata = Api.JSON.readTree(new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8));
        assertThat(metadata.get("userId").asString()).isEqualTo("advisor-client");
    }

    @Test
    void the_event_index_sequence_is_read_one_value_at_a_time() {
        var persister = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(DomainEventEntry.class);
        assertThat(persister.getGenerator()).isInstanceOf(SequenceStyleGenerator.class);
        var generator = (SequenceStyleGenerator) persister.getGenerator();
        assertThat(generator.getDatabaseStructure().getPhysicalName().getObjectName().getText())
                .isEqualToIgnoringCase("domain_event_entry_seq");
        assertThat(generator.getDatabaseStructure().getIncrementSize())
                .as("increment taken from the sequence Flyway creates, not JPA's default of 50").isEqualTo(1);
        assertThat(generator.getOptimizer().getIncrementSize()).isEqualTo(1);
    }

    @Test
    void event_indexes_have_no_allocation_gaps() {
        Long before = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        for (int i = 0; i < 3; i++) {
            newCustomer("Gapless");
        }
        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where global_index > ? order by global_index", Long.class,
                before == null ? -1 : before);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0)).isEqualTo(indexes.size() - 1);
    }
}
