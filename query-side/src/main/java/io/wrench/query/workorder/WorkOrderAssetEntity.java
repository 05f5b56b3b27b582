package io.wrench.query.workorder;

import io.wrench.query.AssetDescription;
import io.wrench.shared.customer.AssetRegistered;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An asset as the work-order detail describes it (registration data only; the odometer is the customer's). */
@Entity
@Table(name = "work_order_asset_view")
class WorkOrderAssetEntity {

    @Id
    UUID id;
    UUID customerId;
    @Embedded
    AssetDescription description;

    protected WorkOrderAssetEntity() {
    }

    static WorkOrderAssetEntity from(AssetRegistered event) {
        WorkOrderAssetEntity asset = new WorkOrderAssetEntity();
        asset.id = event.assetId().value();
        asset.customerId = event.customerId().value();
        asset.description = AssetDescription.of(event);
        return asset;
    }
}
