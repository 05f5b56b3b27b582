package io.wrench.command.customer.messages;

import io.wrench.shared.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Opt out of (or back into) notification e-mails, and the language they are written in (null: unknown). */
public record ChangeNotificationPreferences(@TargetAggregateIdentifier CustomerId customerId, boolean email,
                                            String language, @TargetAggregateVersion Long expectedVersion) {
}
