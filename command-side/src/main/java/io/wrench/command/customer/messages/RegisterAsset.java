package io.wrench.command.customer.messages;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetKind;
import io.wrench.shared.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Register a vehicle or a piece of equipment; a VIN, when given, must not be in use. */
public record RegisterAsset(@TargetAggregateIdentifier CustomerId customerId, AssetId assetId, AssetKind kind, String make,
                            String model, Integer year, String vin, String serialNumber, String licensePlate,
                            Long odometer, @TargetAggregateVersion Long expectedVersion) {
}
