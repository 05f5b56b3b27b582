package io.wrench.api.notification;

import io.wrench.shared.customer.CustomerArchived;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerNotificationPreferencesChanged;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.workorder.WorkOrderApproved;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import io.wrench.shared.workorder.WorkOrderOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns events into outbox rows. A streaming processor on one segment (every event in stored order: a
 * work order's message needs its customer's address, which other aggregates' events set), so each row is
 * written in the transaction that also stores the processor's token: a batch either moves the token and
 * adds its messages, or does neither, and a redelivered or replayed event finds its row and adds nothing.
 * Whom to write is decided here, once, from the facts as they stood at the event: an archived customer, one
 * who opted out, or one without an e-mail address gets no message.
 */
@ProcessingGroup(OutboxFeed.PROCESSING_GROUP)
class OutboxFeed {

    static final String PROCESSING_GROUP = "notification-outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxFeed.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final String domain;
    private volatile Instant startedAt;

    OutboxFeed(JdbcClient jdbc, Outbox outbox, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.domain = domainOf(properties.getFrom());
    }

    @EventHandler
    void on(CustomerRegistered event) {
        UUID id = event.customerId().value();
        jdbc.sql("delete from notification_recipient where customer_id = ?").param(id).update();
        jdbc.sql("insert into notification_recipient (customer_id, name, email, language, opted_out, archived) "
                + "values (?, ?, ?, null, false, false)").params(id, event.name(), event.email()).update();
    }

    @EventHandler
    void on(CustomerContactDetailsUpdated event) {
        jdbc.sql("update notification_recipient set name = ?, email = ? where customer_id = ?")
                .params(event.name(), event.email(), event.customerId().value()).update();
    }

    @EventHandler
    void on(CustomerNotificationPreferencesChanged event) {
        jdbc.sql("update notification_recipient set opted_out = ?, language = ? where customer_id = ?")
                .params(!event.email(), event.language(), event.customerId().value()).update();
    }

    @EventHandler
    void on(CustomerArchived event) {
        jdbc.sql("update notification_recipient set archived = true where customer_id = ?")
                .param(event.customerId().value()).update();
    }

    @EventHandler
    void on(WorkOrderOpened event) {
        UUID id = event.workOrderId().value();
        jdbc.sql("delete from notification_work_order where work_order_id = ?").param(id).update();
        jdbc.sql("insert into notification_work_order (work_order_id, customer_id, number, due_date) values (?, ?, ?, ?)")
                .params(id, event.customerId().value(), event.number(),
                        event.dueDate() == null ? null : Date.valueOf(event.dueDate())).update();
    }

    @EventHandler
    void on(WorkOrderApproved event, EventMessage<?> message) {
        enqueue(message, NotificationKind.WORK_ORDER_APPROVED, event.workOrderId(),
                facts("approvedTotal", plain(event.approvedTotal())));
    }

    @EventHandler
    void on(WorkOrderCompleted event, EventMessage<?> message) {
        enqueue(message, NotificationKind.READY_FOR_PICKUP, event.workOrderId(), Map.of());
    }

    @EventHandler
    void on(WorkOrderInvoiced event, EventMessage<?> message) {
        enqueue(message, NotificationKind.INVOICED, event.workOrderId(), facts("total", plain(event.total())));
    }

    /** The lookups are rebuilt from the events; the outbox stays, and its keys keep a replay from sending again. */
    @ResetHandler
    void reset() {
        jdbc.sql("delete from notification_work_order").update();
        jdbc.sql("delete from notification_recipient").update();
    }

    private void enqueue(EventMessage<?> message, NotificationKind kind, WorkOrderId workOrderId,
                         Map<String, String> facts) {
        if (message.getTimestamp().isBefore(startedAt())) {
            return; // history from before notifications existed here
        }
        Optional<WorkOrderRow> workOrder = jdbc.sql("select customer_id, number, due_date from notification_work_order "
                        + "where work_order_id = ?").param(workOrderId.value())
                .query((rs, row) -> new WorkOrderRow(rs.getObject("customer_id", UUID.class), rs.getString("number"),
                        rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate()))
                .optional();
        if (workOrder.isEmpty()) {
            log.warn("no work order {} known to the notification feed: no {} message", workOrderId, kind);
            return;
        }
        Optional<Recipient> recipient = jdbc.sql("select name, email, language, opted_out, archived "
                        + "from notification_recipient where customer_id = ?").param(workOrder.get().customerId())
                .query((rs, row) -> new Recipient(rs.getString("name"), rs.getString("email"), rs.getString("language"),
                        rs.getBoolean("opted_out"), rs.getBoolean("archived")))
                .optional();
        String skipped = recipient.isEmpty() ? "the customer is unknown" : recipient.get().whyNot();
        if (skipped != null) {
            log.debug("no {} message for work order {}: {}", kind, workOrder.get().number(), skipped);
            return;
        }
        Recipient to = recipient.get();
        Map<String, String> model = new LinkedHashMap<>(facts);
        model.put("customerName", to.name());
        model.put("workOrderNumber", workOrder.get().number());
        if (workOrder.get().dueDate() != null) {
            model.put("dueDate", workOrder.get().dueDate().toString());
        }
        outbox.add(message.getIdentifier(), kind, domain, workOrder.get().customerId(), workOrderId.value(),
                to.email().strip(), to.language() == null ? MailTemplates.DEFAULT_LANGUAGE : to.language(), model,
                message.getTimestamp());
    }

    /** When notifications were deployed (V15 records it): events stored before that are history. */
    private Instant startedAt() {
        Instant known = startedAt;
        if (known == null) {
            known = jdbc.sql("select started_at from notification_feed_start where id = 1").query(Timestamp.class)
                    .single().toInstant();
            startedAt = known;
        }
        return known;
    }

    private static Map<String, String> facts(String name, String value) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (value != null) {
            facts.put(name, value);
        }
        return facts;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "wrench.local" : domain;
    }

    private record WorkOrderRow(UUID customerId, String number, LocalDate dueDate) {
    }

    private record Recipient(String name, String email, String language, boolean optedOut, boolean archived) {
        String whyNot() {
            if (archived) {
                return "the customer is archived";
            }
            if (optedOut) {
                return "the customer opted out";
            }
            if (email == null || email.isBlank()) {
                return "the customer has no e-mail address";
            }
            return null;
        }
    }
}
