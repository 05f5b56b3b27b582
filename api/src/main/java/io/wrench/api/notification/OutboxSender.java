package io.wrench.api.notification;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends what is due: claims each message (so of several senders, on one instance or many, one has it),
 * composes and sends it, and records the outcome — SENT, or a failure that makes it due again after a
 * back-off, or PARKED after {@code max-attempts} failures. A sender that dies between sending and recording
 * leaves the claim to expire; the message is then sent again with the same Message-ID.
 */
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final MailComposer composer;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final Clock clock;
    private final String name;

    OutboxSender(Outbox outbox, MailComposer composer, MailTransport transport, NotificationProperties properties,
                 Clock clock, String name) {
        this.outbox = outbox;
        this.composer = composer;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
        this.name = name;
    }

    /** One round: every due message this sender could claim, up to the batch size; how many were sent. */
    public int sendDue() {
        Instant now = clock.instant();
        List<String> due = outbox.due(now, properties.getBatchSize());
        int sent = 0;
        for (String id : due) {
            String claim = name + "/" + UUID.randomUUID();
            if (outbox.claim(id, claim, now, now.plus(properties.getClaimTimeout()))) {
                sent += send(id, claim) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean send(String id, String claim) {
        Outbox.Message row = outbox.find(id).orElseThrow();
        try {
            MimeMessage message = composer.compose(row, transport.session());
            transport.send(message, row.id());
        } catch (Exception | LinkageError e) {
            int failures = row.attempts() + 1;
            boolean park = failures >= properties.getMaxAttempts();
            Instant next = clock.instant().plus(properties.backoffAfter(failures));
            outbox.failed(id, claim, describe(e), next, park);
            if (park) {
                log.warn("outbox message {} ({} to {}) parked after {} failed attempts: {}", id, row.kind(),
                        row.recipient(), failures, describe(e));
            } else {
                log.info("outbox message {} ({}) failed (attempt {}), due again at {}: {}", id, row.kind(), failures,
                        next, describe(e));
            }
            return false;
        }
        if (!outbox.sent(id, claim, clock.instant())) {
            log.warn("outbox message {} was sent after its claim expired; another sender may send it again "
                    + "(with the same Message-ID {})", id, row.messageId());
        }
        return true;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "outbox sender " + name + " via " + transport;
    }
}
