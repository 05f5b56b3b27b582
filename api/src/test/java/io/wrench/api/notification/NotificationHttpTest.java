package io.wrench.api.notification;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.invoice.InvoiceDocuments;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.Rebuilds;
import io.wrench.api.support.TestSmtp;
import io.wrench.api.workorder.WorkOrderTestSupport;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer e-mail end to end: events → outbox (feed) → sender → a real SMTP server (GreenMail). */
class NotificationHttpTest extends WorkOrderTestSupport {

    @Autowired
    private Outbox outbox;
    @Autowired
    private OutboxSender sender;
    @Autowired
    private MailTemplates templates;
    @Autowired
    private MailTransport transport;
    @Autowired
    private InvoiceDocuments invoices;
    @Autowired
    private NotificationProperties properties;
    @Autowired
    private ProjectionAdmin projections;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void approved_ready_and_invoiced_each_mail_the_customer_once_with_the_invoice_pdf_attached() throws Exception {
        String email = unique("notify") + "@example.com";
        String customer = customer("Notify Customer", email);
        Api.Response opened = open(customer, Map.of("dueDate", LocalDate.now().plusDays(3).toString()));
        String id = opened.id();
        String number = opened.json().get("number").asString();
        assertThat(addLabour(id, "Oil change", 1.5, 80).status()).isEqualTo(201);
        assertThat(action(Role.ADVISOR, id, "approve", null).status()).isEqualTo(200);
        assertThat(action(Role.MANAGER, id, "assign", Map.of("technician", newTechnician("tech-1", "Technician 1"))).status()).isEqualTo(200);
        assertThat(action(Role.TECHNICIAN, id, "start", null).status()).isEqualTo(200);
        assertThat(action(Role.TECHNICIAN, id, "inspections", Map.of("result", "PASS")).status()).isEqualTo(201);
        assertThat(action(Role.TECHNICIAN, id, "complete", null).status()).isEqualTo(200);
        Api.Response invoiced = action(Role.MANAGER, id, "invoice", null);
        assertThat(invoiced.status()).as(invoiced.toString()).isEqualTo(200);

        List<Outbox.Message> rows = fed(invoiced, customer, id);
        assertThat(rows).extracting(Outbox.Message::kind).containsExactly(NotificationKind.WORK_ORDER_APPROVED,
                NotificationKind.READY_FOR_PICKUP, NotificationKind.INVOICED);
        sendUntilSent(id, 3);

        List<MimeMessage> mail = TestSmtp.receivedBy(email);
        assertThat(mail).hasSize(3);
        assertThat(mail.get(0).getSubject()).isEqualTo("Wrench Workshop: work order " + number + " is approved and scheduled");
        assertThat(text(mail.get(0))).contains("Dear Notify Customer", "approved total 120.00", "done by ");
        assertThat(mail.get(1).getSubject()).contains(number, "ready for pickup");
        assertThat(mail).extracting(MimeMessage::getMessageID)
                .containsExactlyElementsOf(rows.stream().map(Outbox.Message::messageId).toList());
        assertThat(rows.get(0).messageId()).matches("<[0-9a-f-]{36}@wrench\\.local>");

        byte[] attached = attachment(mail.get(2));
        Api.Response pdf = api.as(Role.ADVISOR).get("/api/work-orders/" + id + "/invoice.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(attached).as("the mailed invoice is the document GET invoice.pdf answers").isEqualTo(pdf.bytes());

        Api.Response sent = api.as(Role.ADMIN).get("/api/admin/outbox?state=SENT&size=200");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("items").toString()).contains(rows.get(2).id());
        assertThat(sent.json().get("size").asInt()).isEqualTo(200);
        assertThat(api.as(Role.ADMIN).get("/api/admin/outbox?state=LOST").status()).isEqualTo(400);
        assertThat(api.as(Role.MANAGER).get("/api/admin/outbox").status()).isEqualTo(403);
    }

    @Test
    void a_customer_who_speaks_german_is_written_to_in_german_and_an_unoffered_language_falls_back_to_english()
            throws Exception {
        String email = unique("sprache") + "@example.com";
        String customer = customer("Kundin Schmidt", email);
        Api.Response de = api.as(Role.ADVISOR).put("/api/customers/" + customer + "/notifications",
                Map.of("email", true, "language", "de"));
        assertThat(de.status()).as(de.toString()).isEqualTo(200);
        String id = newWorkOrderOf(customer);
        Api.Response approved = action(Role.ADVISOR, id, "approve", null);
        assertThat(fed(approved, customer, id)).singleElement()
                .satisfies(row -> assertThat(row.language()).isEqualTo("de"));
        sendUntilSent(id, 1);
        MimeMessage german = TestSmtp.receivedBy(email).get(0);
        assertThat(german.getSubject()).contains("ist freigegeben und eingeplant");
        assertThat(text(german)).contains("Guten Tag Kundin Schmidt", "freigegebene Summe 120,00");
        assertThat(german.getHeader("Content-Language")).containsExactly("de");

        Api.Response fr = api.as(Role.ADVISOR).put("/api/customers/" + customer + "/notifications",
                Map.of("email", true, "language", "fr"));
        Api.Response completed = completeFrom(fr, id);
        fed(completed, customer, id);
        sendUntilSent(id, 2);
        MimeMessage english = TestSmtp.receivedBy(email).get(1);
        assertThat(english.getSubject()).contains("ready for pickup");
        assertThat(english.getHeader("Content-Language")).containsExactly("en");

        assertThat(api.as(Role.ADVISOR).put("/api/customers/" + customer + "/notifications",
                Map.of("email", true, "language", "German")).status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).put("/api/customers/" + customer + "/notifications",
                Map.of("language", "de")).status()).isEqualTo(400);
        assertThat(api.as(Role.TECHNICIAN).put("/api/customers/" + customer + "/notifications",
                Map.of("email", false)).status()).isEqualTo(403);
    }

    @Test
    void a_customer_who_opted_out_gets_nothing_until_opting_back_in_and_an_archived_customer_gets_nothing() {
        String email = unique("optout") + "@example.com";
        String customer = customer("Quiet Customer", email);
        Api.Response out = api.as(Role.ADVISOR).put("/api/customers/" + customer + "/notifications", Map.of("email", false));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(readAfter(out, Role.ADVISOR, "/api/customers/" + customer + "/notifications").json()
                .get("email").asBoolean()).isFalse();
        assertThat(readAfter(out, Role.ADVISOR, "/api/customers/" + customer).header("ETag"))
                .as("the customer's details follow the version the change answered (If-Match keeps working)")
                .isEqualTo(out.header("ETag"));
        String id = newWorkOrderOf(customer);
        Api.Response approved = action(Role.ADVISOR, id, "approve", null);
        assertThat(fed(approved, customer, id)).as("opted out: no message").isEmpty();

        Api.Response in = api.as(Role.ADVISOR).put("/api/customers/" + customer + "/notifications", Map.of("email", true));
        Api.Response completed = completeFrom(in, id);
        assertThat(fed(completed, customer, id)).extracting(Outbox.Message::kind)
                .containsExactly(NotificationKind.READY_FOR_PICKUP);

        String archivedEmail = unique("archived") + "@example.com";
        String archived = customer("Archived Customer", archivedEmail);
        String other = newWorkOrderOf(archived);
        Api.Response archive = api.as(Role.MANAGER).post("/api/customers/" + archived + "/archive", null);
        assertThat(archive.status()).as(archive.toString()).isEqualTo(200);
        Api.Response approvedAfter = action(Role.ADVISOR, other, "approve", null);
        assertThat(approvedAfter.status()).as(approvedAfter.toString()).isEqualTo(200);
        assertThat(fed(approvedAfter, archived, other)).as("archived: no message").isEmpty();
        sender.sendDue();
        assertThat(TestSmtp.receivedBy(archivedEmail)).isEmpty();
    }

    @Test
    void two_senders_racing_over_the_same_outbox_send_every_message_exactly_once() throws Exception {
        String email = unique("race") + "@example.com";
        String customer = customer("Race Customer", email);
        List<String> workOrders = new ArrayList<>();
        Api.Response last = null;
        for (int i = 0; i < 6; i++) {
            String id = newWorkOrderOf(customer);
            last = action(Role.ADVISOR, id, "approve", null);
            workOrders.add(id);
        }
        for (String id : workOrders) {
            assertThat(fed(last, customer, id)).hasSize(1);
        }
        OutboxSender one = newSender(transport, Clock.systemUTC(), "racer-1", properties);
        OutboxSender two = newSender(transport, Clock.systemUTC(), "racer-2", properties);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (OutboxSender racer : List.of(one, two)) {
                rounds.add(threads.submit(() -> {
                    start.await();
                    int sent = 0;
                    for (int round = 0; round < 50 && !allSent(workOrders); round++) {
                        sent += racer.sendDue();
                    }
                    return sent;
                }));
            }
            start.countDown();
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(allSent(workOrders)).isTrue();
        List<MimeMessage> received = TestSmtp.receivedBy(email);
        assertThat(received).hasSize(6);
        assertThat(received).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
        for (String id : workOrders) {
            assertThat(outbox.ofWorkOrder(UUID.fromString(id))).singleElement()
                    .satisfies(row -> assertThat(row.attempts()).as("sent once, not twice").isEqualTo(1));
        }
    }

    @Test
    void a_restart_and_a_full_replay_of_the_feed_add_no_message_and_send_none_again() throws Exception {
        String email = unique("replay") + "@example.com";
        String customer = customer("Replay Customer", email);
        String id = newWorkOrderOf(customer);
        Api.Response approved = action(Role.ADVISOR, id, "approve", null);
        List<Outbox.Message> before = fed(approved, customer, id);
        sendUntilSent(id, 1);

        var processor = processing.eventProcessor(OutboxFeed.PROCESSING_GROUP,
                org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.start();
        Rebuilds.rebuildAndWait(projections, OutboxFeed.PROCESSING_GROUP);
        Api.Response assigned = action(Role.MANAGER, id, "assign", Map.of("technician", newTechnician("tech-3", "Technician 3")));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

        assertThat(fed(assigned, customer, id)).as("replayed: the same row, no second one").isEqualTo(
                outbox.ofWorkOrder(UUID.fromString(id)));
        assertThat(outbox.ofWorkOrder(UUID.fromString(id))).extracting(Outbox.Message::id)
                .containsExactlyElementsOf(before.stream().map(Outbox.Message::id).toList());
        sender.sendDue();
        assertThat(TestSmtp.receivedBy(email)).hasSize(1);
    }

    @Test
    void a_failing_smtp_server_is_retried_with_back_off_then_the_message_parks_until_an_admin_retries_it()
            throws Exception {
        String email = unique("bounce") + "@example.com";
        String customer = customer("Bounce Customer", email);
        String id = newWorkOrderOf(customer);
        Api.Response approved = action(Role.ADVISOR, id, "approve", null);
        String row = fed(approved, customer, id).get(0).id();

        JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
        nowhere.setHost("127.0.0.1");
        nowhere.setPort(closedPort());
        MovableClock clock = new MovableClock(Instant.now().plus(Duration.ofDays(1)));
        NotificationProperties failing = new NotificationProperties();
        failing.setInitialBackoff(Duration.ofMinutes(1));
        failing.setMaxAttempts(3);
        failing.setBatchSize(500);
        OutboxSender broken = newSender(MailTransport.smtp(nowhere), clock, "broken", failing);

        broken.sendDue();
        Outbox.Message first = outbox.find(row).orElseThrow();
        assertThat(first.state()).isEqualTo(OutboxState.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("Connect");
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        broken.sendDue();
        assertThat(outbox.find(row).orElseThrow().attempts()).as("not due yet: no attempt").isEqualTo(1);

        clock.move(Duration.ofMinutes(1));
        broken.sendDue();
        Outbox.Message second = outbox.find(row).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).as("the wait doubles").isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.move(Duration.ofMinutes(2));
        broken.sendDue();
        Outbox.Message parked = outbox.find(row).orElseThrow();
        assertThat(parked.state()).isEqualTo(OutboxState.PARKED);
        assertThat(parked.attempts()).isEqualTo(3);
        clock.move(Duration.ofDays(1));
        broken.sendDue();
        assertThat(outbox.find(row).orElseThrow().attempts()).as("parked: no more attempts").isEqualTo(3);

        Api.Response list = api.as(Role.ADMIN).get("/api/admin/outbox?state=PARKED&size=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").toString()).contains(row, "Connect");
        assertThat(api.as(Role.ADMIN).get("/api/admin/outbox?state=PENDING&size=200").json().get("items").toString())
                .doesNotContain(row);

        Api.Response retried = api.as(Role.ADMIN).post("/api/admin/outbox/" + row + "/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("state").asString()).isEqualTo("PENDING");
        assertThat(retried.json().get("attempts").asInt()).isZero();
        assertThat(api.as(Role.ADMIN).post("/api/admin/outbox/" + row + "/retry", null).status())
                .as("only a parked message is retried").isEqualTo(409);
        assertThat(api.as(Role.ADMIN).post("/api/admin/outbox/" + UUID.randomUUID() + "/retry", null).status())
                .isEqualTo(404);
        sendUntilSent(id, 1);
        assertThat(TestSmtp.receivedBy(email)).hasSize(1);
    }

    // --- helpers

    private String customer(String name, String email) {
        Api.Response created = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", name, "email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** A work order with one labour line (1.5 h at 80.00 = 120.00), ready to approve. */
    private String newWorkOrderOf(String customer) {
        String id = open(customer, Map.of()).id();
        assertThat(addLabour(id, "Brake check", 1.5, 80).status()).isEqualTo(201);
        return id;
    }

    private Api.Response completeFrom(Api.Response after, String id) {
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        action(Role.MANAGER, id, "assign", Map.of("technician", newTechnician("tech-2", "Technician 2")));
        action(Role.TECHNICIAN, id, "start", null);
        action(Role.TECHNICIAN, id, "inspections", Map.of("result", "PASS"));
        Api.Response completed = action(Role.TECHNICIAN, id, "complete", null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        return completed;
    }

    /** The outbox rows of a work order once the feed has handled the command (read-your-writes on the feed). */
    private List<Outbox.Message> fed(Api.Response command, String customer, String workOrder) {
        Api.Response read = readAfter(command, Role.ADVISOR, "/api/customers/" + customer + "/notifications");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("X-Consistency")).as("the feed caught up").isNotEqualTo("stale");
        return outbox.ofWorkOrder(UUID.fromString(workOrder));
    }

    /** Sends rounds (other tests' messages wait in the same outbox) until this work order has {@code count} sent. */
    private void sendUntilSent(String workOrder, int count) {
        for (int round = 0; round < 100 && sentCount(workOrder) < count; round++) {
            sender.sendDue();
        }
        assertThat(sentCount(workOrder)).isEqualTo(count);
    }

    private long sentCount(String workOrder) {
        return outbox.ofWorkOrder(UUID.fromString(workOrder)).stream().filter(m -> m.state() == OutboxState.SENT).count();
    }

    private boolean allSent(List<String> workOrders) {
        return workOrders.stream().allMatch(id -> sentCount(id) == 1);
    }

    private OutboxSender newSender(MailTransport via, Clock clock, String name, NotificationProperties settings) {
        return new OutboxSender(outbox, new MailComposer(templates, invoices, properties.getFrom(), "Wrench Workshop"),
                via, settings, clock, name);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            return text(multipart);
        }
        return content.toString();
    }

    private static String text(Multipart multipart) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                text.append(text(nested));
            } else if (part.isMimeType("text/plain")) {
                text.append(part.getContent());
            }
        }
        return text.toString();
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("application/pdf")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(out);
                return out.toByteArray();
            }
        }
        throw new AssertionError("no PDF attached");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
