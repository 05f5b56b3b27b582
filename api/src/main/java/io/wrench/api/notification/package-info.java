/**
 * Customer e-mail through an outbox: {@code OutboxFeed} (a one-segment event processor) turns work-order events
 * into outbox rows in the transaction that stores its token; {@code OutboxSender} claims due rows, renders their
 * template and sends them (SMTP, or a mailbox folder on the embedded default), retrying with back-off and
 * parking a message after too many failures. docs/notifications.md.
 */
package io.wrench.api.notification;
