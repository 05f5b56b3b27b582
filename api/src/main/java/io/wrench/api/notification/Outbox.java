package io.wrench.api.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox table (V15). A message is claimed by a conditional UPDATE (still PENDING, due, and not held by
 * an unexpired claim), so of several senders on several instances exactly one holds it at a time, on H2 and
 * PostgreSQL alike; the outcome is written only by the claim's holder.
 */
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, event_id, kind, message_id, customer_id, work_order_id, recipient, "
            + "language, model, state, attempts, next_attempt_at, last_error, created_at, sent_at";

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One message as stored; {@code model} holds the template's facts. */
    public record Message(String id, String eventId, NotificationKind kind, String messageId, UUID customerId,
                          UUID workOrderId, String recipient, String language, Map<String, String> model,
                          OutboxState state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                          Instant sentAt) {
    }

    /** The outbox id of an event's message of one kind: the same inputs, the same id, on every instance. */
    static String idOf(String eventId, NotificationKind kind) {
        return UUID.nameUUIDFromBytes((eventId + "/" + kind.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Adds the message unless this event's message of this kind is there already; true when added. */
    boolean add(String eventId, NotificationKind kind, String domain, UUID customerId, UUID workOrderId,
                String recipient, String language, Map<String, String> model, Instant at) {
        String id = idOf(eventId, kind);
        return jdbc.sql("insert into notification_outbox (id, event_id, kind, message_id, customer_id, work_order_id, "
                        + "recipient, language, model, state, attempts, next_attempt_at, created_at) "
                        + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? "
                        + "where not exists (select 1 from notification_outbox where event_id = ? and kind = ?)")
                .params(id, eventId, kind.name(), "<" + id + "@" + domain + ">", customerId, workOrderId, recipient,
                        language, json(model), Timestamp.from(at), Timestamp.from(at), eventId, kind.name())
                .update() == 1;
    }

    /** Ids of PENDING messages due at {@code now} and not held by a live claim, oldest due first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("select id from notification_outbox where state = 'PENDING' and next_attempt_at <= ? "
                        + "and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id limit ?")
                .params(Timestamp.from(now), Timestamp.from(now), limit).query(String.class).list();
    }

    /** Takes the message for {@code claim} until {@code until}; false when another sender has it or it is done. */
    boolean claim(String id, String claim, Instant now, Instant until) {
        return jdbc.sql("update notification_outbox set claimed_by = ?, claimed_until = ? where id = ? "
                        + "and state = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)")
                .params(claim, Timestamp.from(until), id, Timestamp.from(now), Timestamp.from(now)).update() == 1;
    }

    boolean sent(String id, String claim, Instant at) {
        return jdbc.sql("update notification_outbox set state = 'SENT', attempts = attempts + 1, sent_at = ?, "
                        + "last_error = null, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?")
                .params(Timestamp.from(at), id, claim).update() == 1;
    }

    /** Records a failed attempt: due again at {@code next}, or PARKED when {@code park}. */
    boolean failed(String id, String claim, String error, Instant next, boolean park) {
        return jdbc.sql("update notification_outbox set state = ?, attempts = attempts + 1, next_attempt_at = ?, "
                        + "last_error = ?, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?")
                .params(park ? "PARKED" : "PENDING", Timestamp.from(next), truncate(error), id, claim).update() == 1;
    }

    /** A parked message is due again now, with a fresh count of attempts; false when it is not parked. */
    boolean retry(String id, Instant now) {
        return jdbc.sql("update notification_outbox set state = 'PENDING', attempts = 0, next_attempt_at = ? "
                        + "where id = ? and state = 'PARKED'")
                .params(Timestamp.from(now), id).update() == 1;
    }

    Optional<Message> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where id = ?").param(id)
                .query(Outbox::message).optional();
    }

    /** Newest first; every state when {@code state} is null. */
    List<Message> list(OutboxState state, int page, int size) {
        String where = state == null ? "" : " where state = '" + state.name() + "'";
        return jdbc.sql("select " + COLUMNS + " from notification_outbox" + where
                        + " order by created_at desc, id limit ? offset ?")
                .params(size, (long) page * size).query(Outbox::message).list();
    }

    long count(OutboxState state) {
        String where = state == null ? "" : " where state = '" + state.name() + "'";
        return jdbc.sql("select count(*) from notification_outbox" + where).query(Long.class).single();
    }

    /** Every message about one work order, oldest first. */
    public List<Message> ofWorkOrder(UUID workOrderId) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where work_order_id = ? order by created_at, id")
                .param(workOrderId).query(Outbox::message).list();
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getString("id"), rs.getString("event_id"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("message_id"), rs.getObject("customer_id", UUID.class),
                rs.getObject("work_order_id", UUID.class), rs.getString("recipient"), rs.getString("language"),
                model(rs.getString("model")), OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String json(Map<String, String> model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a template model is plain strings", e);
        }
    }

    private static Map<String, String> model(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable template model in the outbox", e);
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    /** For the admin list: the states as they read, so a bad {@code ?state=} can name them. */
    static List<String> stateNames() {
        List<String> names = new ArrayList<>();
        for (OutboxState state : OutboxState.values()) {
            names.add(state.name());
        }
        return names;
    }
}
