package io.wrench.api.config;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderOpened;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.TechnicianAssigned;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line events as revision 1 stored them (golden JSON, no amount) are read as revision 2 with the
 * amount the work order computed then: the same rule ({@code Money.line}), so replaying an old store
 * gives the same totals as before. And {@code TechnicianAssigned} of revision 1 (one free text) is read
 * as revision 2 with that text as user id and name (docs/people.md).
 */
class LineEventUpcastingHttpTest extends HttpTestSupport {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    List<EventUpcaster> upcasters;

    private Object readRevision1(String type, String fixture) throws IOException {
        byte[] payload = fixture(fixture);
        DomainEventData<byte[]> stored = new GenericDomainEventEntry<>("WorkOrder", UUID.randomUUID().toString(), 1,
                UUID.randomUUID().toString(), Instant.parse("2026-01-15T10:00:00Z"), type, "1", payload,
                "{}".getBytes());
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), eventSerializer,
                new EventUpcasterChain(upcasters)).next().getPayload();
    }

    @Test
    void a_labour_line_of_revision_1_gets_hours_times_rate_in_cents() throws IOException {
        LabourLineAdded event = (LabourLineAdded) readRevision1(LabourLineAdded.class.getName(),
                "LabourLineAdded-revision-1.json");
        assertThat(event.description()).isEqualTo("Diagnose the brakes");
        assertThat(event.amount()).isEqualTo("50.00");
    }

    @Test
    void a_part_line_of_revision_1_gets_quantity_times_unit_price_in_cents() throws IOException {
        PartLineAdded event = (PartLineAdded) readRevision1(PartLineAdded.class.getName(), "PartLineAdded-revision-1.json");
        assertThat(event.sku()).isEqualTo("BP-001");
        assertThat(event.amount()).isEqualTo("10.01");
    }

    @Test
    void a_technician_assignment_of_revision_1_keeps_its_free_text_as_user_id_and_name() throws IOException {
        TechnicianAssigned event = (TechnicianAssigned) readRevision1(TechnicianAssigned.class.getName(),
                "TechnicianAssigned-revision-1.json");
        assertThat(event).isEqualTo(new TechnicianAssigned(
                new WorkOrderId(UUID.fromString("7d0c6a6e-4a57-4b1d-9d4a-2d1b3f0c9a10")), "ted.technician", "ted.technician"));
    }

    /**
     * An old store whose assignment named the demo technician's subject in free text: it is that technician
     * now, with the directory's name, found by the list's filter on their id.
     */
    @Test
    void an_old_assignment_of_a_subject_is_that_technician_of_the_directory() throws Exception {
        WorkOrderId workOrder = WorkOrderId.random();
        CustomerId customer = new CustomerId(UUID.fromString(newCustomer("Old Assignment Customer")));
        WorkOrderOpened opened = new WorkOrderOpened(workOrder, "WO-2026-990002", customer, null,
                "Brakes squeal", Priority.NORMAL, null);
        insert(workOrder, 0, WorkOrderOpened.class.getName(), "1",
                eventSerializer.serialize(opened, byte[].class).getData());
        long last = insert(workOrder, 1, TechnicianAssigned.class.getName(), "1",
                new String(fixture("TechnicianAssigned-revision-1.json"), StandardCharsets.UTF_8)
                        .replace("7d0c6a6e-4a57-4b1d-9d4a-2d1b3f0c9a10", workOrder.toString())
                        .replace("ted.technician", "technician-client").getBytes(StandardCharsets.UTF_8));

        Api.Response detail = api.as(Role.ADVISOR).header("X-Consistency-Token", Long.toString(last))
                .get("/api/work-orders/" + workOrder);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        assertThat(detail.json().get("technician").asString()).isEqualTo("technician-client");
        assertThat(detail.json().get("technicianName").asString()).isEqualTo("Demo Technician");
        assertThat(api.as(Role.TECHNICIAN).get("/api/work-orders?technician=me&search=WO-2026-990002").json()
                .get("totalItems").asLong()).isEqualTo(1);
    }

    /** An old store: a work order's events written as revision 1 straight into the event table, then replayed. */
    @Test
    void a_store_written_with_revision_1_replays_to_the_same_amounts_and_totals() throws Exception {
        WorkOrderId workOrder = new WorkOrderId(UUID.fromString("7d0c6a6e-4a57-4b1d-9d4a-2d1b3f0c9a10"));
        jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", workOrder.toString());
        CustomerId customer = new CustomerId(UUID.fromString(newCustomer("Old Store Customer")));
        WorkOrderOpened opened = new WorkOrderOpened(workOrder, "WO-2026-990001", customer, null,
                "Brakes squeal", Priority.NORMAL, null);
        insert(workOrder, 0, WorkOrderOpened.class.getName(), "1",
                eventSerializer.serialize(opened, byte[].class).getData());
        insert(workOrder, 1, LabourLineAdded.class.getName(), "1", fixture("LabourLineAdded-revision-1.json"));
        // the parts process reserves the line, so it must name an item that exists here
        String item = newStockItem("UP-" + UUID.randomUUID().toString().substring(0, 6), "Brake pads").id();
        byte[] partLine = new String(fixture("PartLineAdded-revision-1.json"), StandardCharsets.UTF_8)
                .replace("c3b2a190-8d7e-4f6a-9b5c-4e3d2c1b0a99", item).getBytes(StandardCharsets.UTF_8);
        long last = insert(workOrder, 2, PartLineAdded.class.getName(), "1", partLine);

        Api.Response detail = api.as(Role.ADVISOR).header("X-Consistency-Token", Long.toString(last))
                .get("/api/work-orders/" + workOrder);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        assertThat(detail.json().get("labourLines").get(0).get("amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(detail.json().get("partLines").get(0).get("amount").decimalValue()).isEqualByComparingTo("10.01");
        assertThat(detail.json().get("totals").get("labour").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(detail.json().get("totals").get("parts").decimalValue()).isEqualByComparingTo("10.01");
    }

    @Autowired
    JdbcTemplate jdbc;

    private long insert(WorkOrderId aggregate, long sequence, String type, String revision, byte[] payload)
            throws Exception {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        long index = jdbc.queryForObject("PostgreSQL".equals(product) ? "select nextval('domain_event_entry_seq')"
                : "select next value for domain_event_entry_seq", Long.class);
        jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, ?, ?, 'WorkOrder', ?, ?, ?, ?, ?, ?)",
                index, aggregate.toString(), sequence, UUID.randomUUID().toString(), "{}".getBytes(), payload, revision,
                type, "2026-01-15T10:00:0" + sequence + "Z");
        return index;
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream json = getClass().getResourceAsStream("/events/" + name)) {
            return json.readAllBytes();
        }
    }
}
