package io.wrench.shared.customer;

import org.axonframework.serialization.Revision;

/** A new meter reading (odometer or hours meter); never lower than the previous one. */
@Revision("1")
public record OdometerRecorded(CustomerId customerId, AssetId assetId, long reading) {
}
