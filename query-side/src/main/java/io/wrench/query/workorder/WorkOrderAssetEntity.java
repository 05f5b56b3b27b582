package io.wrench.query.workorder;

import io.wrench.shared.customer.AssetKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** An asset as the work-order detail describes it (registration data only; the odometer is the customer's). */
@Entity
@Table(name = "work_order_asset_view")
class WorkOrderAssetEntity {

    @Id
    UUID id;
    @Column(name = "customer_id")
    UUID customerId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    AssetKind kind;
    String make;
    String model;
    @Column(name = "model_year")
    Integer year;
    String vin;
    @Column(name = "serial_number")
    String serialNumber;
    @Column(name = "license_plate")
    String licensePlate;

    protected WorkOrderAssetEntity() {
    }
}
