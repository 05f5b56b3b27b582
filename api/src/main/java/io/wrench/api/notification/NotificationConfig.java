package io.wrench.api.notification;

import io.wrench.api.cluster.ClusterNodes;
import io.wrench.api.config.WrenchProperties;
import io.wrench.api.invoice.InvoiceDocuments;
import io.wrench.shared.InStoredOrder;
import io.wrench.shared.ViewTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/** The outbox, its feed (one segment, in stored order), the templates, the transport and this instance's sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfig {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfig.class);

    @Bean
    Outbox notificationOutbox(JdbcClient jdbc) {
        return new Outbox(jdbc);
    }

    @Bean
    OutboxFeed outboxFeed(JdbcClient jdbc, Outbox outbox, NotificationProperties properties) {
        return new OutboxFeed(jdbc, outbox, properties);
    }

    /** A work order's message needs its customer's address, set by another aggregate's events: stored order. */
    /**
     * A rebuild (blue/green) builds fresh lookups beside the live ones; the outbox itself is never copied
     * nor replaced: the copy's handlers find each message's row already there (its key is the event and
     * the kind) and add nothing, so a rebuild sends nothing again.
     */
    @Bean
    static ViewTables notificationOutboxViewTables() {
        return ViewTables.of(OutboxFeed.PROCESSING_GROUP, "notification_recipient", "notification_work_order");
    }

    @Bean
    static InStoredOrder notificationOutboxInStoredOrder() {
        return new InStoredOrder(OutboxFeed.PROCESSING_GROUP, 100,
                "a work order's message is addressed from its customer's events, which must be seen first");
    }

    @Bean
    MailTemplates mailTemplates(ResourceLoader resources, NotificationProperties properties) {
        return new MailTemplates(resources, properties.getTemplates());
    }

    /** SMTP when Spring Mail is configured ({@code spring.mail.host}), else the mailbox folder under ./data. */
    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, NotificationProperties properties) {
        JavaMailSender sender = smtp.getIfAvailable();
        MailTransport transport = sender == null ? MailTransport.mailbox(properties.getMailboxDirectory())
                : MailTransport.smtp(sender);
        log.info("customer notifications go to {}", transport);
        return transport;
    }

    @Bean
    OutboxSender outboxSender(Outbox outbox, MailTemplates templates, InvoiceDocuments invoices, MailTransport transport,
                              NotificationProperties properties, WrenchProperties wrench, Clock clock,
                              ClusterNodes nodes) {
        MailComposer composer = new MailComposer(templates, invoices, properties.getFrom(), wrench.getShop().getName());
        return new OutboxSender(outbox, composer, transport, properties, clock, nodes.nodeId());
    }

    @Bean
    OutboxPoller outboxPoller(OutboxSender sender, NotificationProperties properties) {
        return new OutboxPoller(sender, properties.isSendEnabled());
    }

    /** Looks at the outbox every {@code wrench.notifications.poll-interval} on every instance that sends. */
    static final class OutboxPoller {
        private final OutboxSender sender;
        private final boolean enabled;

        OutboxPoller(OutboxSender sender, boolean enabled) {
            this.sender = sender;
            this.enabled = enabled;
        }

        @Scheduled(fixedDelayString = "${wrench.notifications.poll-interval:PT2S}", initialDelayString = "PT5S")
        void poll() {
            if (enabled) {
                try {
                    sender.sendDue();
                } catch (RuntimeException e) {
                    log.warn("the outbox could not be read this round: {}", e.toString());
                }
            }
        }
    }
}
