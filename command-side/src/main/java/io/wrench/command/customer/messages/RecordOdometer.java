package io.wrench.command.customer.messages;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a meter reading (odometer or hours); never lower than the last one. */
public record RecordOdometer(@TargetAggregateIdentifier CustomerId customerId, AssetId assetId, long reading,
                             @TargetAggregateVersion Long expectedVersion) {
}
