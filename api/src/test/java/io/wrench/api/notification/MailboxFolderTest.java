package io.wrench.api.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default's mailbox folder, the templates and the stable Message-ID, without a server. */
class MailboxFolderTest {

    private final MailTemplates templates = new MailTemplates(new DefaultResourceLoader(), "classpath:/mail/");
    private final MailComposer composer = new MailComposer(templates, null, "workshop@garage.example", "Garage Nord");

    @Test
    void a_message_is_one_eml_file_named_by_its_outbox_id_and_a_resend_replaces_it(@TempDir Path folder) throws Exception {
        MailTransport mailbox = MailTransport.mailbox(folder.resolve("mailbox"));
        Outbox.Message row = row(NotificationKind.READY_FOR_PICKUP, "en", Map.of("customerName", "Ada",
                "workOrderNumber", "WO-2026-000007"));

        mailbox.send(composer.compose(row, mailbox.session()), row.id());
        mailbox.send(composer.compose(row, mailbox.session()), row.id());

        try (var files = Files.list(folder.resolve("mailbox"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(row.id() + ".eml");
        }
        try (InputStream in = Files.newInputStream(folder.resolve("mailbox").resolve(row.id() + ".eml"))) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(read.getMessageID()).isEqualTo(row.messageId());
            assertThat(read.getSubject()).isEqualTo("Garage Nord: work order WO-2026-000007 is ready for pickup");
            assertThat(read.getFrom()[0].toString()).isEqualTo("Garage Nord <workshop@garage.example>");
            assertThat(read.getHeader(MailComposer.OUTBOX_HEADER)).containsExactly(row.id());
            assertThat((String) read.getContent()).startsWith("Dear Ada,");
        }
    }

    @Test
    void amounts_and_dates_are_written_the_way_the_language_writes_them() {
        Map<String, String> facts = Map.of("customerName", "Ada", "workOrderNumber", "WO-1", "approvedTotal", "1234.50",
                "dueDate", "2026-12-05");

        MailTemplates.Rendered german = templates.render(NotificationKind.WORK_ORDER_APPROVED, "de", facts, "Garage");
        MailTemplates.Rendered english = templates.render(NotificationKind.WORK_ORDER_APPROVED, "en", facts, "Garage");

        assertThat(german.body()).contains("freigegebene Summe 1.234,50", "bis zum 5. Dezember 2026");
        assertThat(english.body()).contains("approved total 1,234.50", "done by December 5, 2026");
    }

    @Test
    void without_a_due_date_the_approval_says_so_and_a_language_without_templates_is_english() {
        MailTemplates.Rendered french = templates.render(NotificationKind.WORK_ORDER_APPROVED, "fr",
                Map.of("customerName", "Ada", "workOrderNumber", "WO-1"), "Garage");

        assertThat(french.language()).isEqualTo("en");
        assertThat(french.body()).contains("We have scheduled the work").doesNotContain("done by", "approved total");
    }

    @Test
    void a_template_must_begin_with_its_subject(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("invoiced.en.mustache"), "Hello {{customerName}}");
        MailTemplates broken = new MailTemplates(new DefaultResourceLoader(), folder.toUri().toString());

        assertThatThrownBy(() -> broken.render(NotificationKind.INVOICED, "en", Map.of(), "Garage"))
                .hasMessageContaining("must start with 'Subject:'");
    }

    @Test
    void the_wait_after_each_failure_doubles_up_to_the_maximum() {
        NotificationProperties properties = new NotificationProperties();
        properties.setInitialBackoff(java.time.Duration.ofSeconds(30));
        properties.setMaxBackoff(java.time.Duration.ofMinutes(3));

        assertThat(properties.backoffAfter(1)).hasSeconds(30);
        assertThat(properties.backoffAfter(2)).hasSeconds(60);
        assertThat(properties.backoffAfter(3)).hasSeconds(120);
        assertThat(properties.backoffAfter(4)).hasSeconds(180);
        assertThat(properties.backoffAfter(40)).hasSeconds(180);
    }

    private static Outbox.Message row(NotificationKind kind, String language, Map<String, String> model) {
        String id = Outbox.idOf(UUID.randomUUID().toString(), kind);
        return new Outbox.Message(id, "event", kind, "<" + id + "@garage.example>", UUID.randomUUID(), UUID.randomUUID(),
                "ada@example.com", language, model, OutboxState.PENDING, 0, Instant.EPOCH, null,
                Instant.parse("2026-12-01T10:00:00Z"), null);
    }
}
