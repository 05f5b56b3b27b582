package io.wrench.shared.customer;

import org.axonframework.serialization.Revision;

/** An asset the customer brings in. {@code odometer} is the first meter reading (km or hours), if known. */
@Revision("1")
public record AssetRegistered(CustomerId customerId, AssetId assetId, AssetKind kind, String make, String model, Integer year, String vin, String serialNumber, String licensePlate, Long odometer) {
}
