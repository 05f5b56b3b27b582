package io.wrench.api.notification;

import io.wrench.api.invoice.InvoiceDocuments;
import io.wrench.shared.workorder.WorkOrderId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.util.Date;

/**
 * An outbox row as a MIME message: the template's subject and text, the invoice PDF on an invoice message
 * (rendered by {@link InvoiceDocuments}, the bytes {@code GET .../invoice.pdf} answers, its hash recorded),
 * and a Message-ID fixed by the row, so a message sent again after a crash is recognisably the same one.
 */
class MailComposer {

    static final String OUTBOX_HEADER = "X-Wrench-Outbox-Id";

    private final MailTemplates templates;
    private final InvoiceDocuments invoices;
    private final String from;
    private final String shopName;

    MailComposer(MailTemplates templates, InvoiceDocuments invoices, String from, String shopName) {
        this.templates = templates;
        this.invoices = invoices;
        this.from = from;
        this.shopName = shopName;
    }

    MimeMessage compose(Outbox.Message row, Session session) throws MessagingException {
        MailTemplates.Rendered text = templates.render(row.kind(), row.language(), row.model(), shopName);
        MimeMessage message = new StableIdMessage(session, row.messageId());
        boolean invoice = row.kind() == NotificationKind.INVOICED;
        MimeMessageHelper helper = new MimeMessageHelper(message, invoice, "UTF-8");
        try {
            helper.setFrom(from, shopName);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode the sender's name", e);
        }
        helper.setTo(row.recipient());
        helper.setSubject(text.subject());
        helper.setText(text.body(), false);
        helper.setSentDate(Date.from(row.createdAt()));
        if (invoice) {
            InvoiceDocuments.Document document = invoices.issue(new WorkOrderId(row.workOrderId()),
                    "e-mail to " + row.recipient());
            helper.addAttachment(document.number() + ".pdf", new ByteArrayResource(document.pdf()), "application/pdf");
        }
        message.setHeader(OUTBOX_HEADER, row.id());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", text.language());
        return message;
    }

    /** Jakarta Mail replaces Message-ID on every save; this one keeps the outbox's. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
