package io.wrench.shared.customer;

import org.axonframework.serialization.Revision;

/**
 * What the customer wants to hear from the shop: {@code email} false is an opt-out of every
 * notification e-mail (true opts back in); {@code language} is an ISO 639-1 code such as {@code de},
 * or null when not known (messages are then in English).
 */
@Revision("1")
public record CustomerNotificationPreferencesChanged(CustomerId customerId, boolean email, String language) {
}
