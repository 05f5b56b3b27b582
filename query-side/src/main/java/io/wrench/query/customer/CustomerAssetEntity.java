package io.wrench.query.customer;

import io.wrench.shared.customer.AssetKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "customer_asset_view")
class CustomerAssetEntity {

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
    Long odometer;
    @Column(name = "registered_at")
    Instant registeredAt;

    protected CustomerAssetEntity() {
    }
}
