package io.wrench.api.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon Server has no table to read, so export and verification read it through Axon's streaming API.
 * On the embedded store both readers exist: they must give the same export, line for line.
 */
class StreamedEventsHttpTest extends AuditTestSupport {

    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    PlatformTransactionManager transactions;

    private static List<JsonNode> export(Consumer<Consumer<StoredEvent>> reader, long upTo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EventLines lines = new EventLines(out)) {
            reader.accept(event -> {
                if (event.position() <= upTo) {
                    lines.write(event);
                }
            });
        }
        return AuditSearchHttpTest.lines(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_streaming_reader_gives_the_same_export_as_the_table_reader() {
        String customer = customerWithThreeEvents(unique("Streamed"));
        customerWithThreeEvents(unique("Other"));
        StoredEvents table = new StoreReader(jdbc, transactions);
        StoredEvents streamed = new StreamedEvents(eventStore, serializer, jdbc);
        long upTo = jdbc.queryForObject("select max(position) from audit_event", Long.class);
        AuditFilter one = new AuditFilter(customer, null, null, null, null, null, null, null);

        List<JsonNode> filtered = export(sink -> streamed.matching(one, sink), upTo);
        List<JsonNode> everything = export(streamed::all, upTo);

        assertThat(filtered).hasSize(3).isEqualTo(export(sink -> table.matching(one, sink), upTo));
        assertThat(everything).hasSizeGreaterThanOrEqualTo(6).isEqualTo(export(table::all, upTo));
        assertThat(streamed.count()).isGreaterThanOrEqualTo(table.count());
    }
}
