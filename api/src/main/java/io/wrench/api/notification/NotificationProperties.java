package io.wrench.api.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Customer notifications ({@code wrench.notifications.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*}. docs/notifications.md.
 */
@ConfigurationProperties("wrench.notifications")
public class NotificationProperties {

    /** The From address; its domain also ends every Message-ID. The display name is the shop's name. */
    private String from = "workshop@wrench.local";
    /** Where messages are written as .eml files when no SMTP host ({@code spring.mail.host}) is configured. */
    private Path mailboxDirectory = Path.of("data", "mailbox");
    /**
     * Templates: {@code <location><message>.<language>.mustache}, e.g. {@code file:/etc/wrench/mail/} to use
     * the shop's own; a language without its template falls back to English.
     */
    private String templates = "classpath:/mail/";
    /** Whether this instance sends (every instance may; claims keep a message to one sender at a time). */
    private boolean sendEnabled = true;
    /** How often the outbox is looked at for due messages. */
    private Duration pollInterval = Duration.ofSeconds(2);
    /** Messages one look sends at most. */
    private int batchSize = 50;
    /** How long a claim holds a message; an instance that dies while sending leaves it to another after this. */
    private Duration claimTimeout = Duration.ofMinutes(5);
    /** The wait after the first failure; each further failure doubles it, up to {@link #maxBackoff}. */
    private Duration initialBackoff = Duration.ofSeconds(30);
    private Duration maxBackoff = Duration.ofHours(1);
    /** Failures after which a message is parked (state PARKED) until an ADMIN retries it. */
    private int maxAttempts = 8;

    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public Path getMailboxDirectory() { return mailboxDirectory; }
    public void setMailboxDirectory(Path mailboxDirectory) { this.mailboxDirectory = mailboxDirectory; }
    public String getTemplates() { return templates; }
    public void setTemplates(String templates) { this.templates = templates; }
    public boolean isSendEnabled() { return sendEnabled; }
    public void setSendEnabled(boolean sendEnabled) { this.sendEnabled = sendEnabled; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public Duration getClaimTimeout() { return claimTimeout; }
    public void setClaimTimeout(Duration claimTimeout) { this.claimTimeout = claimTimeout; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }

    /** The wait before attempt {@code failures + 1}: initial × 2^(failures − 1), at most the maximum. */
    Duration backoffAfter(int failures) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
