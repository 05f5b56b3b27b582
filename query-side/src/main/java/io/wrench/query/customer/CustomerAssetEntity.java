package io.wrench.query.customer;

import io.wrench.query.AssetDescription;
import io.wrench.shared.customer.AssetRegistered;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "customer_asset_view")
class CustomerAssetEntity {

    @Id
    UUID id;
    UUID customerId;
    @Embedded
    AssetDescription description;
    Long odometer;
    Instant registeredAt;

    protected CustomerAssetEntity() {
    }

    static CustomerAssetEntity from(AssetRegistered event, Instant at) {
        CustomerAssetEntity asset = new CustomerAssetEntity();
        asset.id = event.assetId().value();
        asset.customerId = event.customerId().value();
        asset.description = AssetDescription.of(event);
        asset.odometer = event.odometer();
        asset.registeredAt = at;
        return asset;
    }
}
