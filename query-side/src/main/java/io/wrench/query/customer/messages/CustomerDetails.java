package io.wrench.query.customer.messages;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetKind;
import io.wrench.shared.customer.CustomerId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer with assets and work-order history. {@code version} is the aggregate's version (ETag). */
public record CustomerDetails(CustomerId id, String name, String email, String phone, String address,
                              boolean archived, long version, Instant registeredAt, List<Asset> assets,
                              List<WorkOrder> workOrders) {

    public record Asset(AssetId id, AssetKind kind, String make, String model, Integer year, String vin,
                        String serialNumber, String licensePlate, Long odometer) {
    }

    public record WorkOrder(UUID id, String number, String status, BigDecimal total) {
    }
}
